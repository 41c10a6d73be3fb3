export interface CharacterCount {
  /** Characters left; negative when over the limit. */
  remaining: number;
  over: boolean;
  /** Worth telling a screen-reader user now (near or over the limit). */
  worthAnnouncing: boolean;
}

/**
 * GOV.UK character count: counts what the server will count, the trimmed
 * text in code points (as zod's `maxLength` and PostgreSQL's `char_length`
 * do), so an emoji counts once.
 */
export function characterCount(value: string, max: number, announceWithin = Math.ceil(max * 0.25)): CharacterCount {
  const remaining = max - [...value.trim()].length;
  return { remaining, over: remaining < 0, worthAnnouncing: remaining <= announceWithin };
}
