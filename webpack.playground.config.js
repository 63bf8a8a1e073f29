/**
 * Build of the browser playground into dist-playground/, separate from the add-in (webpack.config.js →
 * dist/). The playground bundles the formula engine (HyperFormula, GPL) and ExcelJS; the Excel production
 * bundle must never contain them, which is why this is its own build with its own output folder.
 *
 *   npx webpack --config webpack.playground.config.js --mode production
 *   npm run playground            builds, then serves dist-playground/ on http://localhost:3001
 *   npm run playground:build      builds only
 *
 * ExcelJS and JSZip are loaded on demand (when a file is opened or downloaded), so the page starts quickly.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { typescript } = require("./webpack.common");

module.exports = (_env, options = {}) => {
  const dev = options.mode === "development";
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: { playground: "./playground/main.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-playground"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    ...typescript(dev),
    plugins: [new HtmlWebpackPlugin({ template: "./playground/index.html", filename: "index.html" })],
    // The formula engine alone is about a megabyte; the page is served locally, so size hints only add noise.
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
