export default function CyclePage() {
  return null;
}
