import { Link } from 'react-router';
import { TeacherList } from '../caseload/my-teachers.page';

export function CoachHome() {
  return (
    <>
      <section className="home-section" aria-labelledby="teachers-title">
        <div className="home-section__header">
          <h2 id="teachers-title">Your teachers</h2>
          <Link to="/caseload">All my teachers</Link>
        </div>
        <TeacherList headingLevel={3} />
      </section>
      <section className="home-section" aria-labelledby="prepare-title">
        <h2 id="prepare-title">Prepare</h2>
        <ul className="home-links">
          <li className="card">
            <h3 className="card__title">
              <Link to="/lessons">Your teachers’ lessons</Link>
            </h3>
            <p className="card__lead">
              The lessons they have uploaded, by teacher, ready to watch.
            </p>
          </li>
          <li className="card">
            <h3 className="card__title">
              <Link to="/rubrics">Browse the rubrics</Link>
            </h3>
            <p className="card__lead">
              The codes and score levels you will tag clips and annotations with.
            </p>
          </li>
          <li className="card">
            <h3 className="card__title">
              <Link to="/profile">Your profile</Link>
            </h3>
            <p className="card__lead">Check your time zone: meeting times are shown in it.</p>
          </li>
        </ul>
      </section>
    </>
  );
}
