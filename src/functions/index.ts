/**
 * Entry of the custom-functions bundle (functions.js), loaded into the shared runtime by taskpane.html.
 *
 * Import every module listed in ./sources.json, for its side effects only: the metadata plugin appends
 * `CustomFunctions.associate(id, fn)` to each of those modules when webpack loads it, and that is what
 * registers the functions with Excel. A test (test/project/metadata.test.ts) checks this list against
 * sources.json, so a module added there but forgotten here fails the tests instead of silently missing
 * from Excel.
 *
 * Never import ./registry or src/engine here: they exist for the formula engine (HyperFormula, GPL), which
 * must stay out of the production bundle.
 */
import "./discounting";
import "./payback";
import "./breakeven";
import "./irr";
import "./actors";
import "./allocation";
import "./adjustments";
import "./repayment";
import "./careers";
