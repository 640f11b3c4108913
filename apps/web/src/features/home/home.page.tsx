import { Link } from 'react-router';
import './home.css';

const CYCLE_STEPS = [
  { title: 'Film', text: 'The teacher records a lesson tied to a goal and uploads it.' },
  {
    title: 'Prepare',
    text: 'The coach picks two short clips and annotates them with rubric codes.',
  },
  {
    title: 'Watch and score',
    text: 'The teacher watches the clips, scores a stock clip and compares with master scores.',
  },
  {
    title: 'Talk',
    text: 'Together they describe each clip, then elevate it: one step higher on the rubric.',
  },
  { title: 'Log', text: 'They write the next steps in a shared log that starts the next cycle.' },
] as const;

const PRINCIPLES = [
  {
    title: 'The teacher stays in charge',
    text: 'Teachers own their video, decide what is shared and can delete it. Evidence, not judgment.',
  },
  {
    title: 'Students stay private',
    text: 'Classroom video is private by default: no public links, and deletion really deletes.',
  },
  {
    title: 'The rubric is data',
    text: 'MQI is built in; a program can load another observation framework as a file.',
  },
] as const;

/** The landing page: what Elevate is, how a cycle runs, and where to go next. */
export function HomePage() {
  return (
    <div className="home">
      <title>Elevate · Video-based coaching for mathematics teachers</title>
      <section className="home-hero" aria-labelledby="home-title">
        <p className="home-hero__eyebrow">Open-source instructional coaching</p>
        <h1 id="home-title" className="home-hero__title">
          Coaching mathematics teachers with their own classroom video
        </h1>
        <p className="home-hero__lead">
          Elevate supports the whole coaching cycle around the Mathematical Quality of Instruction
          (MQI) rubric: a filmed lesson, two well-chosen clips, a conversation that names what is
          working and what one step higher looks like, and a log both people keep.
        </p>
        <div className="home-hero__actions">
          <Link className="button" to="/rubrics">
            Browse the rubrics
          </Link>
          <a className="button button--secondary" href="#how-it-works">
            How a cycle works
          </a>
        </div>
      </section>

      <section id="how-it-works" className="home-section" aria-labelledby="cycle-title">
        <h2 id="cycle-title">How a coaching cycle works</h2>
        <ol className="home-steps">
          {CYCLE_STEPS.map((step) => (
            <li key={step.title} className="home-steps__item">
              <h3 className="home-steps__title">{step.title}</h3>
              <p>{step.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="home-section" aria-labelledby="principles-title">
        <h2 id="principles-title">What it is built on</h2>
        <ul className="home-principles">
          {PRINCIPLES.map((principle) => (
            <li key={principle.title} className="card">
              <h3>{principle.title}</h3>
              <p>{principle.text}</p>
            </li>
          ))}
        </ul>
        <p className="home-section__more">
          Start with the rubric itself:{' '}
          <Link to="/rubrics">see its domains, codes and score levels</Link>.
        </p>
      </section>
    </div>
  );
}
