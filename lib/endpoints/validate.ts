import { isEnumValue } from '../models';

/**
 * Argument checks. Each throws a TypeError naming the argument; endpoints run them when a stream
 * is subscribed, so the stream errors before anything is sent.
 */

export function id(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive safe integer, got ${describe(value)}`);
  }
  return value;
}

export function optionalId(name: string, value: unknown): number | undefined {
  return value === undefined ? undefined : id(name, value);
}

export function offset(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`offset must be an integer ≥ 0, got ${describe(value)}`);
  }
  return value;
}

export function word(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

export function optionalWord(name: string, value: unknown): string | undefined {
  return value === undefined ? undefined : word(name, value);
}

export function oneOf<E extends Record<string, string>>(name: string, enumObj: E, value: unknown): E[keyof E] {
  if (!isEnumValue(enumObj, value)) {
    throw new TypeError(`${name} must be one of ${Object.values(enumObj).join(', ')}, got ${describe(value)}`);
  }
  return value;
}

export function optionalOneOf<E extends Record<string, string>>(
  name: string,
  enumObj: E,
  value: unknown,
): E[keyof E] | undefined {
  return value === undefined ? undefined : oneOf(name, enumObj, value);
}

/** A member of a numeric enum (`SearchAiType`). */
export function optionalNumericOneOf<E extends Record<string, string | number>>(
  name: string,
  enumObj: E,
  value: unknown,
): E[keyof E] | undefined {
  if (value === undefined) return undefined;
  const members = Object.values(enumObj).filter((member): member is number => typeof member === 'number');
  if (typeof value !== 'number' || !members.includes(value)) {
    throw new TypeError(`${name} must be one of ${members.join(', ')}, got ${describe(value)}`);
  }
  return value as E[keyof E];
}

export function flag(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be a boolean, got ${describe(value)}`);
  return value;
}

/** A real calendar date as `YYYY-MM-DD`; a `Date` is taken by its UTC calendar day. */
export function date(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`${name} is an invalid Date`);
    return value.toISOString().slice(0, 10);
  }
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const parsed = new Date(Date.UTC(year, month - 1, day));
    if (parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day) {
      return value as string;
    }
  }
  throw new TypeError(`${name} must be a real date as YYYY-MM-DD, got ${describe(value)}`);
}

export function ids(name: string, value: unknown): readonly number[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new TypeError(`${name} must be an array of ids, got ${describe(value)}`);
  return value.map((item, index) => id(`${name}[${index}]`, item));
}

export function words(name: string, value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new TypeError(`${name} must be an array of strings, got ${describe(value)}`);
  return value.map((item, index) => word(`${name}[${index}]`, item));
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}
