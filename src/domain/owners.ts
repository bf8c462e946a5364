/**
 * 责任单位: who answers for a target. The documents name them as a list in one sentence
 * (「市人力资源社会保障局牵头、市教委，各区政府」); this splits such a list into its units, the
 * things an analyst filters by. The text itself is shown as the document wrote it.
 */

/** Separators between units as the documents write them: 、，；and their ASCII forms. */
const SEPARATORS = /[、，,；;]+/;
/** The lead unit carries 牵头 (「…牵头」 or 「…（牵头）」); the unit is the same body. */
const LEAD = /[（(]?牵头[）)]?$/;

/** The units named in an owner text, in order, each once; empty for none. */
export function ownerUnits(owner: string | null | undefined): string[] {
  if (!owner) return [];
  const out: string[] = [];
  for (const part of owner.split(SEPARATORS)) {
    const unit = part.trim().replace(LEAD, '').trim();
    if (unit && !out.includes(unit)) out.push(unit);
  }
  return out;
}

/** Does the owner text name any of `units`? (No filter, an empty list, matches everything.) */
export function ownedByAny(owner: string | null | undefined, units: readonly string[]): boolean {
  if (units.length === 0) return true;
  const named = ownerUnits(owner);
  return units.some((u) => named.includes(u));
}

/**
 * An owner list shortened for a line of a briefing: the first `max` units as named (the first is
 * the lead, 牵头, by the documents' convention) and how many there are in all. The full text stays
 * in the target's provenance.
 */
export function ownerSummary(owner: string | null | undefined, max = 3): { shown: string[]; total: number } {
  const units = ownerUnits(owner);
  // "and 1 more" would take the room of the unit it hides.
  return { shown: units.length > max + 1 ? units.slice(0, max) : units, total: units.length };
}
