import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The layers, as drawn in README.md ("Project layout"): each folder and the folders it may import from (besides
 * itself). Everything else in this list is refused, so an import the wrong way fails `npm run lint`. Not listed
 * (free to import anything): test/, bench/, tools/, scripts/ and the config files.
 */
export const LAYERS = {
  "src/core": [],
  "src/functions": ["src/core"],
  "src/planner": ["src/core"],
  "src/host": ["src/planner", "src/core"],
  "src/taskpane": ["src/host", "src/planner", "src/core"],
  "src/commands": ["src/host", "src/planner", "src/core"],
  // Development only: the formula engine with every SOCINV function; never imported by the add-in.
  "src/engine": ["src/functions", "src/core"],
  // Development only: the browser playground, over everything in src/.
  playground: ["src/engine", "src/taskpane", "src/commands", "src/host", "src/planner", "src/functions", "src/core"],
};
const GUARDED = [...Object.keys(LAYERS), "test"];

/** A relative import that reaches `folder` ("src/host" → "../host/x", "../../host", "../src/host/x"). */
function reaches(folder) {
  const [top, sub] = folder.split("/");
  const tail = sub ? `(src/)?${sub}` : top;
  return `^(\\./)?(\\.\\./)+${tail}(/|$)`;
}

function layerRules(folder) {
  const refused = GUARDED.filter((f) => f !== folder && !LAYERS[folder].includes(f));
  const may = LAYERS[folder].length ? LAYERS[folder].join(", ") : "nothing else in the project";
  const message = (f) => `${folder} may import only from ${may}, not from ${f} (layers: README.md, "Project layout").`;
  const selector = (f) => {
    const re = `/${reaches(f).replace(/\//g, "\\/")}/`;
    return [
      { selector: `ImportExpression[source.value=${re}]`, message: message(f) },
      { selector: `CallExpression[callee.name="require"][arguments.0.value=${re}]`, message: message(f) },
    ];
  };
  return {
    files: [`${folder}/**/*.{ts,tsx,js,mjs,cjs}`],
    rules: {
      "no-restricted-imports": ["error", { patterns: refused.map((f) => ({ regex: reaches(f), message: message(f) })) }],
      // import() and require() are not seen by no-restricted-imports.
      "no-restricted-syntax": ["error", ...refused.flatMap(selector)],
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "dist-playground/**", "node_modules/**", "coverage/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    // Plain .js files are Node scripts (webpack config, scripts/, tools/).
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        __filename: "readonly",
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        structuredClone: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The calculation core must stay free of Office so it can run in Node, the playground and tests.
    files: ["src/core/**/*.ts"],
    rules: { "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions"] },
  },
  {
    // Excel passes untyped values to custom functions, and the HyperFormula plugin API is untyped.
    files: ["src/functions/**/*.ts", "src/engine/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  ...Object.keys(LAYERS).map(layerRules),
);
