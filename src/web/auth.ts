// Office accounts for `taizhang serve --auth`: names with scrypt hashes in a small table of the
// store's own SQLite file (created here, apart from the store's migrations), sessions in memory
// (a restart logs everyone out, which is the safe way round), a CSRF token per session that every
// change must carry in a header, and a lock-out after repeated failed logins.
import Database from 'better-sqlite3';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { ReadFailure } from '../messages.js';

/** scrypt's cost: about 50 ms a check on an office PC, slow enough to make guessing expensive. */
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 } as const;
export const LOCKOUT = { failures: 5, minutes: 15 } as const;
export const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'taizhang_session';
export const CSRF_HEADER = 'x-csrf-token';

const NAME = /^[^\s\u0000-\u001f\u007f]{1,32}$/u;
export const MIN_PASSWORD = 8;

export interface Account {
  name: string;
  admin: boolean;
}

function hash(password: string, salt: Buffer): Buffer {
  return scryptSync(password.normalize('NFC'), salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
}

/** The accounts table, in the store's file (or in memory for tests). */
export class AccountBook {
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
    db.pragma('busy_timeout = 30000');
    db.exec(`CREATE TABLE IF NOT EXISTS web_accounts (
      name TEXT PRIMARY KEY, salt BLOB NOT NULL, hash BLOB NOT NULL, admin INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)`);
  }

  static open(path: string): AccountBook {
    return new AccountBook(new Database(path));
  }

  static inMemory(): AccountBook {
    return new AccountBook(new Database(':memory:'));
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM web_accounts').get() as { n: number }).n;
  }

  list(): Account[] {
    return (this.db.prepare('SELECT name, admin FROM web_accounts ORDER BY name').all() as Array<{ name: string; admin: number }>).map((r) => ({ name: r.name, admin: r.admin === 1 }));
  }

  /** Adds an account, or with `reset` sets a new password (and admin flag) on an existing one. */
  add(name: string, password: string, options: { admin?: boolean; reset?: boolean } = {}): void {
    if (!NAME.test(name) || password.length < MIN_PASSWORD) throw new ReadFailure('E_WEB_BAD_USER', name);
    const exists = this.db.prepare('SELECT 1 FROM web_accounts WHERE name = ?').get(name) !== undefined;
    if (exists && !options.reset) throw new ReadFailure('E_WEB_USER_EXISTS', name);
    const salt = randomBytes(16);
    this.db
      .prepare(`INSERT INTO web_accounts (name, salt, hash, admin, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(name) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, admin = excluded.admin`)
      .run(name, salt, hash(password, salt), options.admin ? 1 : 0, new Date().toISOString());
  }

  /** The account when the password is right; a wrong name costs the same time as a wrong password. */
  verify(name: string, password: string): Account | null {
    const row = this.db.prepare('SELECT name, salt, hash, admin FROM web_accounts WHERE name = ?').get(name) as
      | { name: string; salt: Buffer; hash: Buffer; admin: number }
      | undefined;
    const salt = row?.salt ?? randomBytes(16);
    const got = hash(password, salt);
    if (!row || !timingSafeEqual(got, row.hash)) return null;
    return { name: row.name, admin: row.admin === 1 };
  }

  close(): void {
    this.db.close();
  }
}

export interface Session extends Account {
  csrf: string;
  expires: number;
}

/** Sessions and failed logins, in memory. */
export class SessionBook {
  private readonly sessions = new Map<string, Session>();
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  open(account: Account): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const session = { ...account, csrf: randomBytes(24).toString('base64url'), expires: this.now() + SESSION_HOURS * 3_600_000 };
    this.sessions.set(token, session);
    return { token, session };
  }

  get(token: string | undefined): Session | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (s.expires < this.now()) {
      this.sessions.delete(token);
      return null;
    }
    return s;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Is the name locked out now? */
  locked(name: string): boolean {
    const f = this.failures.get(name);
    return f !== undefined && f.count >= LOCKOUT.failures && f.until > this.now();
  }

  /** Counts a failed login; the lock lasts LOCKOUT.minutes from the last failure. */
  failed(name: string): void {
    const f = this.failures.get(name);
    const fresh = !f || (f.count >= LOCKOUT.failures && f.until <= this.now());
    const count = fresh ? 1 : f.count + 1;
    this.failures.set(name, { count, until: this.now() + LOCKOUT.minutes * 60_000 });
  }

  succeeded(name: string): void {
    this.failures.delete(name);
  }
}

/** Two tokens are the same without telling by the time taken how much of them matched. */
export function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
