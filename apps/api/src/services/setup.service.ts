import type { Auth } from '../auth/auth';
import { ROLES, type Role } from '../domain/account';
import type { CaseloadRepository } from '../repositories/caseload.repository';
import type { Program, ProgramRepository } from '../repositories/program.repository';
import type { StockClipRepository } from '../repositories/stock-clip.repository';
import type { UserRepository } from '../repositories/user.repository';

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
  timeZone?: string;
}

/** The demo program `npm start` seeds, with sign-ins it prints. */
export const DEMO_PROGRAM = {
  name: 'Demo School District',
  password: 'elevate-demo-2026',
  accounts: [
    { email: 'admin@demo.elevate.test', name: 'Ada Admin', role: ROLES.admin },
    { email: 'coach@demo.elevate.test', name: 'Cora Coach', role: ROLES.coach },
    { email: 'teacher@demo.elevate.test', name: 'Theo Teacher', role: ROLES.teacher },
    { email: 'teacher2@demo.elevate.test', name: 'Tess Teacher', role: ROLES.teacher },
  ],
} as const;

/** First-run work: the first program and admin, or the demo program. */
export class SetupService {
  constructor(
    private readonly auth: Auth,
    private readonly programs: ProgramRepository,
    private readonly users: UserRepository,
    private readonly caseloads: CaseloadRepository,
    private readonly stockClips: StockClipRepository,
  ) {}

  async hasAnyProgram(): Promise<boolean> {
    return (await this.programs.count()) > 0;
  }

  /** Creates a user who can sign in at once (the demo, the first admin, tests). */
  async createAccount(programId: string, account: NewAccount): Promise<string> {
    const ctx = await this.auth.$context;
    const user = await ctx.internalAdapter.createUser(
      {
        email: account.email.toLowerCase(),
        name: account.name,
        emailVerified: false,
        programId,
        role: account.role,
        timeZone: account.timeZone ?? 'UTC',
      },
      { method: 'admin' },
    );
    await ctx.internalAdapter.linkAccount({
      providerId: 'credential',
      accountId: user.id,
      userId: user.id,
      password: await ctx.password.hash(account.password),
    });
    return user.id;
  }

  async createProgramWithAdmin(programName: string, admin: Omit<NewAccount, 'role'>) {
    const program = await this.programs.create(programName);
    const adminId = await this.createAccount(program.id, { ...admin, role: ROLES.admin });
    return { program, adminId };
  }

  /** Seeds the demo program once; returns undefined when any program exists already. */
  async seedDemo(timeZone = 'UTC'): Promise<{ program: Program; ids: string[] } | undefined> {
    if (await this.hasAnyProgram()) return undefined;
    const program = await this.programs.create(DEMO_PROGRAM.name);
    const ids: string[] = [];
    for (const account of DEMO_PROGRAM.accounts) {
      ids.push(
        await this.createAccount(program.id, {
          ...account,
          password: DEMO_PROGRAM.password,
          timeZone,
        }),
      );
    }
    const [adminId, coachId, ...teacherIds] = ids as [string, string, ...string[]];
    for (const teacherId of teacherIds) {
      await this.caseloads.assign({
        programId: program.id,
        coachId,
        teacherId,
        assignedBy: adminId,
      });
    }
    // A placeholder in the library: the stock clips' media and master scores come later.
    await this.stockClips.create(program.id, {
      pseudonym: 'Ms. Rivera',
      title: 'Why is 3/4 greater than 2/3? (placeholder)',
      grade: '4',
      topic: 'Comparing fractions',
      codeIds: ['STEXPL', 'SMQR', 'TCD'],
      isPlaceholder: true,
    });
    return { program, ids };
  }

  countAdmins(): Promise<number> {
    return this.users.countAdmins();
  }
}
