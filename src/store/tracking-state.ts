// What a change does to a tracking state, the same for every backend (SQLite, PostgreSQL): the
// values an event records, the blank state of a key never changed, and applying an update in memory.
import { TrackingUpdateSchema, type ChangeMeta, type TaskStatus, type TrackingEvent, type TrackingState, type TrackingUpdate } from './tracking.js';

/** A key never changed: 未开始 and nothing recorded. */
export function blankState(key: string): TrackingState {
  return { key, status: '未开始', progress: [], problems: '', nextSteps: '', evidence: [], supervised: false };
}

/**
 * A field's value as an event records it: text as written, '' as null, 佐证材料 as a JSON list,
 * 督办 as 是/否. Shared with the PostgreSQL backend so both histories read the same.
 */
export function fieldValue(state: TrackingState, field: keyof TrackingUpdate): string | null {
  switch (field) {
    case 'status': return state.status;
    case 'progress': return state.progress.at(-1)?.text ?? null;
    case 'problems': return state.problems || null;
    case 'nextSteps': return state.nextSteps || null;
    case 'completedOn': return state.completedOn ?? null;
    case 'evidence': return state.evidence.length ? JSON.stringify(state.evidence) : null;
    case 'supervised': return state.supervised ? '是' : '否';
    case 'responsible': return state.responsible || null;
  }
}

/** The update that sets a field back to a recorded value (a conflict resolved by taking the offer). */
export function updateOf(field: keyof TrackingUpdate, value: string | null): TrackingUpdate {
  switch (field) {
    case 'evidence': return { evidence: value ? (JSON.parse(value) as string[]) : [] };
    case 'supervised': return { supervised: value === '是' };
    case 'completedOn': return value ? { completedOn: value } : {};
    case 'progress': return value ? { progress: value } : {};
    case 'status': return value ? TrackingUpdateSchema.parse({ status: value }) : {};
    default: return { [field]: value ?? '' };
  }
}

/**
 * Applies an update to a state in memory; returns the events of the fields that really changed.
 * 进展情况 appends an entry unless it repeats the last one word for word (a workbook sent back
 * twice adds nothing).
 */
export function applyUpdate(state: TrackingState, update: TrackingUpdate, meta: Required<Pick<ChangeMeta, 'by' | 'source' | 'at'>> & ChangeMeta): TrackingEvent[] {
  const events: TrackingEvent[] = [];
  for (const field of Object.keys(update) as (keyof TrackingUpdate)[]) {
    const value = update[field];
    if (value === undefined) continue;
    const before = fieldValue(state, field);
    switch (field) {
      case 'status': state.status = value as TaskStatus; break;
      case 'progress': if (value !== before) state.progress = [...state.progress, { date: meta.at.slice(0, 10), text: value as string, by: meta.by }]; break;
      case 'problems': state.problems = value as string; break;
      case 'nextSteps': state.nextSteps = value as string; break;
      case 'completedOn': state.completedOn = value as string; break;
      case 'evidence': state.evidence = value as string[]; break;
      case 'supervised': state.supervised = value as boolean; break;
      case 'responsible': state.responsible = value as string; break;
    }
    const after = fieldValue(state, field);
    if (after === before) continue;
    events.push({ key: state.key, field, before, after, by: meta.by, at: meta.at, source: meta.source, ...(meta.sourceRef ? { sourceRef: meta.sourceRef } : {}) });
  }
  return events;
}

