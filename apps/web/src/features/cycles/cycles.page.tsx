export default function CyclesPage() {
  return null;
}
