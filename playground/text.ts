/** The playground page's own texts, in Swedish and English (the task pane has its own). */

export type Language = "sv" | "en";

export interface Bilingual {
  sv: string;
  en: string;
}

export const TEXT = {
  title: { sv: "SOCINV lekplats", en: "SOCINV playground" },
  subtitle: {
    sv: "Aktivitetsfönstret körs här mot en arbetsbok i webbläsaren. Inget skickas någonstans.",
    en: "The task pane runs here against a workbook in your browser. Nothing is sent anywhere.",
  },
  sample: { sv: "Exempelarbetsbok", en: "Sample workbook" },
  open: { sv: "Öppna .xlsx…", en: "Open .xlsx…" },
  download: { sv: "Ladda ned .xlsx", en: "Download .xlsx" },
  language: { sv: "Språk", en: "Language" },
  formulaBar: { sv: "Formel", en: "Formula" },
  nameBox: { sv: "Cell", en: "Cell" },
  sheets: { sv: "Blad", en: "Sheets" },
  grid: { sv: "Arbetsbokens celler", en: "Workbook cells" },
  pane: { sv: "Aktivitetsfönster", en: "Task pane" },
  loaded: { sv: "Öppnade", en: "Opened" },
  protectedSheet: { sv: "Bladet är skyddat och kan inte ändras här.", en: "The sheet is protected and cannot be changed here." },
  dismiss: { sv: "Stäng", en: "Dismiss" },
  workbookPart: { sv: "Arbetsboken", en: "The workbook" },
  panePart: { sv: "Aktivitetsfönstret", en: "The task pane" },
  chartNote: {
    sv: "Diagrammen ritas av lekplatsen; i Excel skapar tillägget riktiga Excel-diagram.",
    en: "Charts are drawn by the playground; in Excel the add-in creates native Excel charts.",
  },
  unsavedSample: {
    sv: "Arbetsboken har ändringar som inte är nedladdade. Byter du till ”{name}” försvinner de. Välj Ladda ned .xlsx först om du vill behålla dem.",
    en: "The workbook has changes that have not been downloaded. Switching to “{name}” discards them. Choose Download .xlsx first to keep them.",
  },
  unsavedFile: {
    sv: "Arbetsboken har ändringar som inte är nedladdade. Öppnar du en annan fil försvinner de. Välj Ladda ned .xlsx först om du vill behålla dem.",
    en: "The workbook has changes that have not been downloaded. Opening another file discards them. Choose Download .xlsx first to keep them.",
  },
  unsavedKeep: { sv: "Avbryt och behåll ändringarna", en: "Cancel and keep the changes" },
  unsavedDiscardSample: { sv: "Byt ändå", en: "Switch anyway" },
  unsavedDiscardFile: { sv: "Öppna en annan fil ändå", en: "Open another file anyway" },
  downloadNote: {
    sv: "Den nedladdade filen har modellens formler och värden (diagrammen skapas av tillägget i Excel).",
    en: "The downloaded file has the model's formulas and values (charts are created by the add-in in Excel).",
  },
  gridHelp: {
    sv: "Piltangenter flyttar, Skift+pil markerar, Enter eller F2 redigerar, Delete tömmer.",
    en: "Arrow keys move, Shift+arrow selects, Enter or F2 edits, Delete clears.",
  },
} satisfies Record<string, Bilingual>;

export function t(b: Bilingual, lang: Language): string {
  return b[lang];
}
