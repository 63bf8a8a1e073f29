/**
 * Light or dark from Office's theme: Office reports the pane's background colour; a dark background means
 * the dark Fluent theme, so text keeps its contrast. Unknown (older Office, a browser) means light.
 */
export function themeFrom(officeTheme: { bodyBackgroundColor?: string } | undefined | null): "light" | "dark" {
  const hex = officeTheme?.bodyBackgroundColor;
  if (!hex || !/^#?[0-9a-f]{6}$/i.test(hex)) return "light";
  const h = hex.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
  // Perceived brightness (ITU-R BT.601 weights), enough to tell a dark background from a light one.
  return 0.299 * r + 0.587 * g + 0.114 * b < 0.5 ? "dark" : "light";
}
