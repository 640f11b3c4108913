import type { ReactNode } from 'react';
import './landing.css';

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

/**
 * What Elevate is, for visitors who are not signed in: the hero (with the sign-in form
 * beside it, passed as `aside`), how a cycle runs, and what it is built on.
 */
export function Landing({ aside }: { aside: ReactNode }) {
  return (
    <div className="landing">
      <section className="landing-hero" aria-labelledby="landing-title">
        <div className="landing-hero__text">
          <p className="landing-hero__eyebrow">Open-source instructional coaching</p>
          <h1 id="landing-title" className="landing-hero__title">
            Coaching mathematics teachers with their own classroom video
          </h1>
          <p className="landing-hero__lead">
            Elevate supports the whole coaching cycle around the Mathematical Quality of Instruction
            (MQI) rubric: a filmed lesson, two well-chosen clips, a conversation that names what is
            working and what one step higher looks like, and a log both people keep.
          </p>
          <div className="landing-hero__actions">
            <a className="button button--secondary" href="#how-it-works">
              How a cycle works
            </a>
          </div>
        </div>
        <div className="landing-hero__aside">{aside}</div>
      </section>

      <section id="how-it-works" className="landing-section" aria-labelledby="cycle-title">
        <h2 id="cycle-title">How a coaching cycle works</h2>
        <ol className="landing-steps">
          {CYCLE_STEPS.map((step) => (
            <li key={step.title} className="landing-steps__item">
              <h3 className="landing-steps__title">{step.title}</h3>
              <p>{step.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="landing-section" aria-labelledby="principles-title">
        <h2 id="principles-title">What it is built on</h2>
        <ul className="landing-principles">
          {PRINCIPLES.map((principle) => (
            <li key={principle.title} className="card">
              <h3>{principle.title}</h3>
              <p>{principle.text}</p>
            </li>
          ))}
        </ul>
        <p className="landing-section__more">
          Accounts are created by your program admin: look for an invitation in your email.
        </p>
      </section>
    </div>
  );
}
