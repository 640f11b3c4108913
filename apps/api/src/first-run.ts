import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AppContext } from './context';
import { DEMO_PROGRAM } from './services/setup.service';

/** The committed demo recording (made by test/fixtures/make-fixtures.mjs --demo). */
const DEMO_LESSON_FILE = fileURLToPath(
  new URL('../../../infra/demo/demo-lesson.mp4', import.meta.url),
);

const firstAdminSchema = z.object({
  ELEVATE_PROGRAM_NAME: z.string().trim().min(1).default('My School'),
  ELEVATE_ADMIN_NAME: z.string().trim().min(1).default('Program Admin'),
  ELEVATE_ADMIN_EMAIL: z.email(),
  ELEVATE_ADMIN_PASSWORD: z.string().min(10, 'use at least 10 characters'),
});

/**
 * On start: seed the demo program when asked (DEMO=on, what `npm start` does), or make
 * sure there is a first admin, from the environment or by asking at the terminal.
 */
export async function runFirstRun(ctx: AppContext, logger: Logger): Promise<void> {
  const setup = ctx.services.setup;
  if (ctx.config.demo) {
    const seeded = await setup.seedDemo();
    if (seeded) {
      const [, coachId, teacherId] = seeded.ids;
      const lessonId =
        teacherId && coachId
          ? await ctx.services.demo.seedLesson(
              seeded.program.id,
              teacherId,
              coachId,
              DEMO_LESSON_FILE,
            )
          : undefined;
      logger.info({ program: DEMO_PROGRAM.name, lessonId }, 'demo program seeded');
    }
    printDemoSignIns();
    return;
  }
  if ((await setup.countAdmins()) > 0) return;
  const fromEnv = firstAdminSchema.safeParse(process.env);
  const answers = fromEnv.success
    ? fromEnv.data
    : process.stdin.isTTY
      ? await askAtTerminal()
      : undefined;
  if (!answers) {
    logger.warn(
      'No admin yet. Restart with ELEVATE_ADMIN_EMAIL and ELEVATE_ADMIN_PASSWORD set (and optionally ELEVATE_ADMIN_NAME, ELEVATE_PROGRAM_NAME), or start it in a terminal to be asked.',
    );
    return;
  }
  await setup.createProgramWithAdmin(answers.ELEVATE_PROGRAM_NAME, {
    email: answers.ELEVATE_ADMIN_EMAIL,
    name: answers.ELEVATE_ADMIN_NAME,
    password: answers.ELEVATE_ADMIN_PASSWORD,
  });
  logger.info({ email: answers.ELEVATE_ADMIN_EMAIL }, 'first admin created');
}

function printDemoSignIns(): void {
  const lines = DEMO_PROGRAM.accounts.map(
    (a) => `    ${a.role.padEnd(8)} ${a.email.padEnd(28)} ${DEMO_PROGRAM.password}`,
  );
  process.stdout.write(`\n  Demo sign-ins (${DEMO_PROGRAM.name}):\n${lines.join('\n')}\n\n`);
}

async function askAtTerminal() {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    process.stdout.write('\nNo admin yet: create the first one.\n');
    for (;;) {
      const raw = {
        ELEVATE_PROGRAM_NAME: await rl.question('Program name (e.g. your school or district): '),
        ELEVATE_ADMIN_NAME: await rl.question('Your name: '),
        ELEVATE_ADMIN_EMAIL: await rl.question('Your email: '),
        ELEVATE_ADMIN_PASSWORD: await rl.question('Password (10+ characters): '),
      };
      const parsed = firstAdminSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      process.stdout.write(
        `${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}\n`,
      );
    }
  } finally {
    rl.close();
  }
}
