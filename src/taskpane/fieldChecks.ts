/**
 * What the pane knows about its own fields, without React: a registry in which every number, list and
 * required choice field states whether what it shows can be used (so Build can be refused while any field
 * holds a value it cannot read, naming the field and moving focus to it), and the plausibility check of a
 * discount rate typed as a percentage.
 */
import type { Bounds } from "../core/bounds";
import { formatPercentExact } from "./format";
import { Lang, t } from "./strings";

/** One field as the registry sees it. */
export interface FieldEntry {
  id: string;
  /** The field's label as the user sees it. */
  label: string;
  /** What the field shows (for the message). */
  shown: string;
  /** Why what the field shows cannot be used; null when it can. */
  problem: string | null;
  /** A value that is used but should be checked; null when there is nothing to say. */
  warning: string | null;
  /** Moves the focus to the field (and scrolls it into view). */
  focus(): void;
  /** The field's element, to order fields as they appear on screen; null when not known. */
  element(): Element | null;
}

/**
 * The fields on screen. Each field sets its entry whenever what it shows changes and removes it when it
 * goes away; listeners (the Build step) hear every change. Fields are reported in screen order.
 */
export class FieldRegistry {
  private readonly entries = new Map<string, FieldEntry>();
  private readonly listeners = new Set<() => void>();
  /** Grows with every change, for React's useSyncExternalStore. */
  version = 0;

  set(entry: FieldEntry): void {
    const old = this.entries.get(entry.id);
    this.entries.set(entry.id, entry);
    if (old && old.problem === entry.problem && old.warning === entry.warning && old.label === entry.label && old.shown === entry.shown) return;
    this.changed();
  }

  remove(id: string): void {
    if (this.entries.delete(id)) this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Every field, in the order they appear on screen (registration order when the page cannot tell). */
  all(): FieldEntry[] {
    const list = [...this.entries.values()];
    return list
      .map((e, i) => ({ e, i, el: e.element() }))
      .sort((a, b) => {
        if (a.el && b.el && a.el !== b.el) {
          const pos = a.el.compareDocumentPosition(b.el);
          // Node.DOCUMENT_POSITION_FOLLOWING = 4, PRECEDING = 2.
          if (pos & 4) return -1;
          if (pos & 2) return 1;
        }
        return a.i - b.i;
      })
      .map((x) => x.e);
  }

  /** Fields whose text cannot be used, in screen order. */
  invalid(): FieldEntry[] {
    return this.all().filter((e) => e.problem !== null);
  }

  /** Fields with a warning (and no problem), in screen order. */
  warnings(): FieldEntry[] {
    return this.all().filter((e) => e.problem === null && e.warning !== null);
  }

  private changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}

/** The message that refuses a build: the first invalid field by name, with what it shows and why, and how many more there are. */
export function refusalMessage(invalid: readonly FieldEntry[]): { sv: string; en: string } | null {
  if (invalid.length === 0) return null;
  const first = invalid[0];
  const part = (lang: Lang) => {
    const params = { label: first.label, shown: first.shown, problem: first.problem ?? "" };
    const base = t(lang, first.shown.trim() === "" ? "buildRefusedEmpty" : "buildRefusedField", params);
    const more = invalid.length - 1;
    if (more === 0) return base;
    return `${base} ${t(lang, more === 1 ? "buildRefusedMoreOne" : "buildRefusedMore", { count: more })}`;
  };
  return { sv: part("sv"), en: part("en") };
}

/**
 * Discount rates a Swedish municipal calculation plausibly uses: 0,1 % to 20 % a year. Outside them the
 * pane warns (it does not refuse: a sensitivity case may go there on purpose).
 */
export const PLAUSIBLE_RATE: Bounds = { min: 0.001, max: 0.2 };

/**
 * A warning for a rate (a share: 0.035 = 3,5 %) outside PLAUSIBLE_RATE, null inside. A rate below 0,1 % that
 * is a plausible rate when read as a percentage ("0,035" meant as 3,5 %) says so.
 */
export function rateWarning(rate: number, lang: Lang): string | null {
  const min = PLAUSIBLE_RATE.min!;
  const max = PLAUSIBLE_RATE.max!;
  if (!Number.isFinite(rate) || (rate >= min && rate <= max)) return null;
  const shown = formatPercentExact(rate, lang);
  if (rate < min) {
    const meant = rate * 100;
    const suggestion = rate > 0 && meant >= min && meant <= max ? t(lang, "rateMeant", { meant: formatPercentExact(meant, lang) }) : "";
    return `${t(lang, "rateLow", { rate: shown, min: formatPercentExact(min, lang) })}${suggestion}`;
  }
  return t(lang, "rateHigh", { rate: shown, max: formatPercentExact(max, lang) });
}
