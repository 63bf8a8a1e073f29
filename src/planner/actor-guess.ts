/**
 * Whose budget a row is: the actor guessed from what the sheet says about the row, in this order:
 *
 *   1. the nämnd heading the row sits under ("Socialnämnden"), or its own label ("Socialnämnden totalt",
 *      "Försäkringskassan"), matched against the actors' names;
 *   2. a nämnd that heading or label names but that is not among the actors ("Tekniska nämnden"): no actor,
 *      and that nämnd is proposed as a new one;
 *   3. the sheet's title (its name and the title rows above the block: "Socialnämnden", "Socialnämndens
 *      budget 2014"), the same way;
 *   4. the words of the label and heading where they are clear ("Psykiatri och primärvård" → the region,
 *      "Grundskola" → barn- och utbildningsnämnden), for the built-in actors.
 *
 * Nothing else: a row none of these point at gets no actor (the user chooses), never a silent default. A guess
 * from weak words ("Äldreomsorg" can be socialnämnden's or a vård- och omsorgsnämnd's) is not sure: it is
 * offered, not assigned. Pure; the pane (taskpane/model.ts guessActor) and the plausibility checks use it.
 */
import type { BudgetBlock } from "./budget";
import { SUM_LABEL, SUM_LABEL_END } from "./budget-text";
import { ActorDef, ModelInputs, actorLabel } from "./inputs";

export interface ActorGuessInput {
  label: string;
  /** The nämnd (or other heading) the row sits under. */
  group?: string | null;
  /** The sheet's name. */
  sheet?: string;
  /** The title rows above the block. */
  titles?: readonly string[];
}

export interface ActorGuess {
  /** The actor's id; null when nothing points at one of the actors. */
  actor: string | null;
  /** True when the sheet says so clearly (a heading, the label, the sheet's title or clear words). */
  sure: boolean;
  /** What the guess rests on. */
  from: "group" | "label" | "title" | "words" | "none";
  /** A nämnd the heading, label or title names that is not among the actors: proposed as a new actor. */
  missing?: string;
  /** The clear word a "words" guess rests on ("psykiatri"). */
  word?: string;
  /** Why, in both languages ("under rubriken Socialnämnden"). */
  reason: { sv: string; en: string };
}

const norm = (s: string) =>
  s
    .toLocaleLowerCase("sv")
    .replace(/[^a-zåäöéü0-9]+/g, " ")
    .trim();

/** Does the text name the actor: its name (either language) as whole words, a genitive s allowed ("Socialnämndens")? */
function names(text: string, actor: ActorDef): boolean {
  const t = ` ${norm(text)} `;
  return [actor.label.sv, actor.label.en]
    .map(norm)
    .filter((n) => n.length >= 4)
    .some((n) => t.includes(` ${n} `) || t.includes(` ${n}s `));
}

/** The usual short names of the built-in nämnder, as whole words in capitals ("SN", "BUN"). */
const ABBREVIATIONS: Record<string, string> = { KS: "ks", BUN: "bun", SN: "son", SOCN: "son", SocN: "son", KFN: "kfn", AMN: "amn" };

/**
 * The actor a text names by name: the longest such name (so "Barn- och utbildningsnämnden" beats a shorter
 * name inside it); null when none or two different actors are named.
 */
function namedActor(text: string, actors: readonly ActorDef[]): ActorDef | null | "several" {
  const short = new Set((text.match(/(?<![\p{L}])[\p{Lu}][\p{L}]{1,3}(?![\p{L}])/gu) ?? []).map((w) => ABBREVIATIONS[w]).filter((x) => x));
  const hits = actors.filter((a) => names(text, a) || (short.has(a.id) && !a.userAdded));
  if (hits.length === 0) return null;
  const byLength = hits.map((a) => ({ a, n: Math.max(...[a.label.sv, a.label.en].map((l) => norm(l).length)) })).sort((x, y) => y.n - x.n);
  const rest = byLength.slice(1).filter((h) => !byLength[0].a.label.sv.toLocaleLowerCase("sv").includes(h.a.label.sv.toLocaleLowerCase("sv")));
  return rest.length ? "several" : byLength[0].a;
}

/**
 * Nämnder a text names ("Tekniska nämnden", "Miljö- och byggnadsnämnden", "Kommunstyrelsen"), as written,
 * without a genitive s.
 */
export function namndNames(text: string): string[] {
  const out: string[] = [];
  const re = /(?<![\p{L}-])((?:\p{L}+-\s+och\s+)?\p{L}+nämnden|\p{Lu}?\p{L}+a\s+nämnden|\p{L}*styrelsen|\p{L}+nämnd(?=\s|$|[,.:;)]))(?:s(?!\p{L}))?/giu;
  for (const m of text.matchAll(re)) {
    const name = m[1].trim();
    if (/^(per|varje|en|ett|samma|annan|respektive|hela)\s/i.test(name)) continue;
    const cased = name.charAt(0).toLocaleUpperCase("sv") + name.slice(1);
    if (!out.some((x) => x.toLocaleLowerCase("sv") === cased.toLocaleLowerCase("sv"))) out.push(cased);
  }
  return out;
}

/** Clear words of the built-in actors' budgets. Longer words win over words inside them ("kulturskola" over "skola"). */
const WORDS: Array<{ actor: string; words: string[]; weak?: boolean }> = [
  {
    actor: "region",
    words: [
      "psykiatri",
      "primärvård",
      "vårdcentral",
      "sjukvård",
      "sjukhus",
      "bup",
      "habilitering",
      "tandvård",
      "slutenvård",
      "specialistvård",
      "landsting",
      "regionen",
    ],
  },
  {
    actor: "fk",
    words: ["försäkringskassa", "sjukpenning", "aktivitetsersättning", "sjukersättning", "aktivitetsstöd", "föräldrapenning", "assistansersättning"],
  },
  { actor: "af", words: ["arbetsförmedling", "arbetslöshetsersättning", "a-kassa"] },
  { actor: "rv", words: ["polis", "domstol", "kriminalvård", "rättsväsend", "åklagar", "frivård", "anstalt", "häkte"] },
  { actor: "samhalle", words: ["produktionsbortfall", "produktionsvärde", "skattebortfall", "skatteintäkt"] },
  { actor: "individ", words: ["inkomstbortfall", "egen inkomst", "disponibel inkomst"] },
  {
    actor: "son",
    words: [
      "försörjningsstöd",
      "ekonomiskt bistånd",
      "individ- och familjeomsorg",
      "ifo",
      "hvb",
      "familjehem",
      "institutionsplacering",
      "missbruk",
      "socialtjänst",
    ],
  },
  { actor: "son", words: ["äldreomsorg", "hemtjänst", "särskilt boende", "funktionsstöd", "lss"], weak: true },
  { actor: "bun", words: ["förskola", "grundskola", "gymnasieskola", "gymnasiesärskola", "grundsärskola", "fritidshem", "elevhälsa", "skolskjuts"] },
  {
    actor: "kfn",
    words: ["fritidsgård", "bibliotek", "föreningsbidrag", "kulturskola", "idrottsanläggning", "simhall", "kultur och fritid", "kultur- och fritid"],
  },
  { actor: "amn", words: ["arbetsmarknad", "feriejobb", "feriearbete", "sysselsättning"] },
  { actor: "amn", words: ["vuxenutbildning", "komvux", "sfi"], weak: true },
  { actor: "ks", words: ["kommunledning", "kommunstyrelse"] },
];

/** The built-in actor clear words point at, or null (none, or words of different actors). */
function byWords(text: string, actors: readonly ActorDef[]): { actor: ActorDef; word: string; weak: boolean } | null {
  const t = ` ${text.toLocaleLowerCase("sv").replace(/\s+/g, " ")} `;
  const hits: Array<{ actor: string; word: string; weak: boolean }> = [];
  for (const w of WORDS) {
    for (const word of w.words) {
      // Short words (ifo, hvb, bup, lss, sfi) only as whole words; longer ones also inside compounds.
      const found = word.length <= 4 ? new RegExp(`(?<![a-zåäö])${word}(?![a-zåäö])`, "i").test(t) : t.includes(word);
      if (found) hits.push({ actor: w.actor, word, weak: !!w.weak });
    }
  }
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.word.length > h.word.length && o.word.includes(h.word)));
  const ids = [...new Set(kept.map((h) => h.actor))];
  if (ids.length !== 1) return null;
  const actor = actors.find((a) => a.id === ids[0]);
  if (!actor) return null;
  const strong = kept.find((h) => !h.weak);
  return { actor, word: (strong ?? kept[0]).word, weak: !strong };
}

const NONE = {
  sv: "inget i radens etikett, rubriken eller bladets titel pekar ut en aktör",
  en: "nothing in the row's label, its heading or the sheet's title points at an actor",
};

/** Removes the sum words from a label ("Summa Socialnämnden" → "Socialnämnden"). */
function withoutSumWords(label: string): string {
  return label.replace(SUM_LABEL, "").replace(SUM_LABEL_END, "").trim();
}

/** The actor of one row; see the file comment for the order. */
export function guessActorFor(row: ActorGuessInput, actors: readonly ActorDef[]): ActorGuess {
  const group = (row.group ?? "").trim();
  const label = row.label.trim();
  // 1. The heading, then the label, by an actor's name.
  for (const [text, from] of [
    [group, "group"],
    [withoutSumWords(label), "label"],
  ] as const) {
    if (!text) continue;
    const a = namedActor(text, actors);
    if (a && a !== "several") {
      return {
        actor: a.id,
        sure: true,
        from,
        reason:
          from === "group"
            ? { sv: `under rubriken "${group}"`, en: `under the heading "${group}"` }
            : { sv: `radens etikett "${label}"`, en: `the row's label "${label}"` },
      };
    }
  }
  // 2. A nämnd the heading or label names that is not an actor.
  for (const [text, from] of [
    [group, "group"],
    [label, "label"],
  ] as const) {
    const n = text ? namndNames(text) : [];
    if (n.length === 1) {
      return {
        actor: null,
        sure: false,
        from,
        missing: n[0],
        reason: { sv: `${n[0]} finns inte bland aktörerna`, en: `${n[0]} is not among the actors` },
      };
    }
  }
  // 3. The sheet's title: its name and the title rows above the block, when they name one nämnd (or actor).
  const titles = [row.sheet ?? "", ...(row.titles ?? [])].filter((x) => x.trim() !== "");
  const titled = new Map<string, ActorDef>();
  const missing = new Set<string>();
  for (const t of titles) {
    const a = namedActor(t, actors);
    if (a && a !== "several") titled.set(a.id, a);
    else for (const n of namndNames(t)) if (!actors.some((x) => names(n, x))) missing.add(n);
  }
  if (titled.size === 1 && missing.size === 0) {
    const a = [...titled.values()][0];
    return {
      actor: a.id,
      sure: true,
      from: "title",
      reason: { sv: `bladets titel nämner ${actorLabel(a, "sv")}`, en: `the sheet's title names ${actorLabel(a, "en")}` },
    };
  }
  if (titled.size === 0 && missing.size === 1) {
    const n = [...missing][0];
    return {
      actor: null,
      sure: false,
      from: "title",
      missing: n,
      reason: { sv: `bladets titel nämner ${n}, som inte finns bland aktörerna`, en: `the sheet's title names ${n}, which is not among the actors` },
    };
  }
  // 4. Clear words of the label and the heading.
  const w = byWords(`${group} ${label}`, actors);
  if (w) {
    return {
      actor: w.actor.id,
      sure: !w.weak,
      from: "words",
      word: w.word,
      reason: { sv: `ordet "${w.word}" hör till ${actorLabel(w.actor, "sv")}`, en: `the word "${w.word}" belongs to ${actorLabel(w.actor, "en")}` },
    };
  }
  return { actor: null, sure: false, from: "none", reason: NONE };
}

/** A mismatch between a line's chosen actor and what its label clearly says, for the plausibility warnings. */
export interface ActorMismatch {
  kind: string;
  sv: string;
  en: string;
  /** 0-based sheet rows of the budget rows concerned (absent for a typed line). */
  rows?: number[];
}

/**
 * Chosen budget rows and typed lines whose actor does not match what their label or nämnd heading clearly says
 * ("Psykiatri och primärvård" assigned to barn- och utbildningsnämnden: the words point at the region). The
 * sheet's title alone is not held against the user's choice, nor a weak word.
 */
export function actorMismatches(inputs: ModelInputs, block: BudgetBlock | null): ActorMismatch[] {
  const out: ActorMismatch[] = [];
  const byRow = new Map((block?.rows ?? []).map((r) => [r.sheetRow, r]));
  const name = (id: string, lang: "sv" | "en") => {
    const a = inputs.actors.find((x) => x.id === id);
    return a ? actorLabel(a, lang) : id;
  };
  const check = (label: string, group: string | null, chosen: string, rows?: number[]) => {
    if (!chosen) return;
    const g = guessActorFor({ label, group }, inputs.actors);
    if (g.from === "title" || g.from === "none" || g.actor === chosen) return;
    const has = (who: string, lang: "sv" | "en") =>
      lang === "sv" ? `Raden "${label}" har aktören ${name(who, "sv")}, men` : `The line "${label}" has the actor ${name(who, "en")}, but`;
    let m: ActorMismatch | null = null;
    if (g.actor && g.sure) {
      const to = { sv: name(g.actor, "sv"), en: name(g.actor, "en") };
      const why =
        g.from === "group"
          ? { sv: `den står under rubriken "${group}"`, en: `it is under the heading "${group}"` }
          : g.from === "label"
            ? { sv: "etiketten nämner", en: "its label names" }
            : { sv: `ordet "${g.word}" pekar på`, en: `the word "${g.word}" points at` };
      m =
        g.from === "group"
          ? {
              kind: "actorMismatch",
              sv: `${has(chosen, "sv")} ${why.sv} (${to.sv}). Kontrollera aktören.`,
              en: `${has(chosen, "en")} ${why.en} (${to.en}). Check the actor.`,
            }
          : {
              kind: "actorMismatch",
              sv: `${has(chosen, "sv")} ${why.sv} ${to.sv}. Kontrollera aktören.`,
              en: `${has(chosen, "en")} ${why.en} ${to.en}. Check the actor.`,
            };
    } else if (g.missing) {
      const chosenActor = inputs.actors.find((a) => a.id === chosen);
      if (chosenActor && names(g.missing, chosenActor)) return;
      const why =
        g.from === "group"
          ? { sv: `den står under rubriken "${group}"`, en: `it is under the heading "${group}"` }
          : { sv: `etiketten nämner ${g.missing}`, en: `its label names ${g.missing}` };
      m = {
        kind: "actorMismatch",
        sv: `${has(chosen, "sv")} ${why.sv}. Kontrollera aktören; lägg till ${g.missing} som aktör om raden hör dit.`,
        en: `${has(chosen, "en")} ${why.en}. Check the actor; add ${g.missing} as an actor if the row belongs there.`,
      };
    }
    if (!m) return;
    if (rows) m.rows = rows;
    out.push(m);
  };
  for (const c of inputs.rows) {
    if (c.role === "ignore") continue;
    const r = byRow.get(c.sheetRow);
    check(r ? r.label : c.label, r ? r.group : null, c.actor, [c.sheetRow]);
  }
  for (const x of inputs.extraLines) check(x.label, null, x.actor);
  return out;
}
