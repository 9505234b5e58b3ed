// A finding as a message (issue 18, move 3): the same code / severity / message a document's warnings
// carry, plus its sides. Applied where findings leave the comparer (diff, check, conflicts), once the
// pair's governing side is known; the judging rules only say what they found and why.
import { message } from '../messages.js';
import type { Message } from '../model.js';
import type { ClauseSide, Finding, FindingSide, FindingType, SideRole } from './schema.js';

/** How much a finding asks of staff: a binding clause broken is an error; a doubt to check, a warning; agreement, info. */
export const FINDING_SEVERITY: Readonly<Record<FindingType, Message['severity']>> = {
  conflict: 'error',
  weakened: 'warning',
  conditional: 'warning',
  'deadline-before-issue': 'warning',
  'inconsistent-within': 'warning',
  uncovered: 'warning',
  superseded: 'info',
  informational: 'info',
  compliant: 'info',
  consistent: 'info',
  equivalent: 'info',
};

/** The governing document of the two a finding names, or null when neither governs the other. */
export type HigherOf = (docA: string, docB: string) => string | null;

function side(s: ClauseSide, role: SideRole): FindingSide {
  return {
    role,
    docId: s.docId,
    taskId: s.taskId,
    ...(s.block !== undefined ? { block: s.block } : {}),
    ...(s.page !== undefined ? { page: s.page } : {}),
    ...(s.fact ? { quote: s.fact } : {}),
  };
}

function roles(f: Finding, higherOf: HigherOf): [SideRole, SideRole] {
  if (f.type === 'superseded') return ['older', 'newer'];
  // one side only: the higher measure nobody took up, or a clause of one document
  if (!f.a || !f.b) return [f.type === 'uncovered' ? 'higher' : 'either', 'either'];
  if (f.a.docId === f.b.docId) return ['either', 'either'];
  const higher = higherOf(f.a.docId, f.b.docId);
  if (higher === f.a.docId) return ['higher', 'lower'];
  if (higher === f.b.docId) return ['lower', 'higher'];
  return ['either', 'either'];
}

/** The finding with its code, severity, message and sides; type, a, b and reason unchanged. */
export function asMessage(f: Finding, higherOf: HigherOf): Finding {
  const [ra, rb] = roles(f, higherOf);
  const m = message(f.type, FINDING_SEVERITY[f.type], { detail: f.reason });
  const sides = [...(f.a ? [side(f.a, ra)] : []), ...(f.b ? [side(f.b, rb)] : [])];
  return { ...f, code: f.type, severity: m.severity, message: m.message, sides };
}

/** For one pair of documents: `higher` is the governing one's id, or null. */
export function pairHigher(higher: string | null): HigherOf {
  return (x, y) => (higher !== null && (higher === x || higher === y) ? higher : null);
}
