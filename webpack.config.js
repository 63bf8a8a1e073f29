/**
 * Build of the Excel add-in, after Microsoft's Excel-Custom-Functions-Shared template: custom functions,
 * ribbon commands and the task pane run in ONE shared runtime, the page taskpane.html.
 *
 *   npm run build        production bundle in dist/ (no certificates, no network)
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs when a trusted certificate is
 *                        available; otherwise plain http with an explanation (Excel needs https)
 *
 * Emitted: functions.js, commands.js, taskpane.js, taskpane.html, functions.json (generated from the JSDoc
 * of the files in src/functions/sources.json), functions.sv-SE.json (Swedish texts from
 * src/functions/*.sv.json), assets/icon-*.png and manifest.xml.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { typescript } = require("./webpack.common");
const { Compilation, WebpackError, sources } = require("webpack");
const { localizeMetadata, readTables, tableFiles } = require("./tools/localize-metadata");

const PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;
const FUNCTION_SOURCES = require("./src/functions/sources.json");
const FUNCTIONS_DIR = path.resolve(__dirname, "src/functions");
const METADATA = "functions.json";
const METADATA_SV = "functions.sv-SE.json";

/**
 * Emits functions.sv-SE.json next to the functions.json that CustomFunctionsMetadataPlugin adds when the
 * compilation starts. Missing Swedish texts fail the build: a half-translated help text must not ship.
 */
class SwedishMetadataPlugin {
  apply(compiler) {
    const name = "SwedishMetadataPlugin";
    // thisCompilation: not the child compilations of HtmlWebpackPlugin, which would emit the file twice.
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.contextDependencies.add(FUNCTIONS_DIR);
        for (const file of tableFiles(FUNCTIONS_DIR)) compilation.fileDependencies.add(file);
        const generated = compilation.getAsset(METADATA);
        if (!generated) {
          // The metadata plugin has already reported why (a JSDoc error); say what follows from it.
          compilation.errors.push(new WebpackError(`${name}: ${METADATA} was not generated, so ${METADATA_SV} cannot be built`));
          return;
        }
        try {
          const sv = localizeMetadata(JSON.parse(generated.source.source().toString()), readTables(FUNCTIONS_DIR));
          compilation.emitAsset(METADATA_SV, new sources.RawSource(JSON.stringify(sv, null, 2) + "\n"));
        } catch (e) {
          compilation.errors.push(new WebpackError(e.message));
        }
      });
    });
  }
}

function readExistingCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const out = {};
  for (const [k, f] of Object.entries(files)) {
    const p = path.join(dir, f);
    if (!fs.existsSync(p)) return null;
    out[k] = fs.readFileSync(p);
  }
  return out;
}

/**
 * https options for the dev server, or null for plain http. On Windows and Mac this creates and trusts a
 * certificate like Microsoft's templates do (it may ask for your password once). Elsewhere trusting a CA
 * needs sudo and an extra step for browsers, so we only use certificates you already made
 * (`npx office-addin-dev-certs install`; renew them the same way when they expire after 30 days).
 */
async function devServerHttps() {
  if (process.platform === "win32" || process.platform === "darwin") {
    try {
      // Also renews an expired certificate (they last 30 days).
      const devCerts = require("office-addin-dev-certs");
      const o = await devCerts.getHttpsServerOptions();
      return { ca: o.ca, key: o.key, cert: o.cert };
    } catch (e) {
      console.warn(`office-addin-dev-certs could not provide a certificate: ${e.message}`);
    }
  }
  return readExistingCertificates();
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const config = {
    devtool: dev ? "source-map" : false,
    // Order matters in taskpane.html: functions register before the pane starts.
    entry: {
      functions: "./src/functions/index.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    ...typescript(dev),
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: METADATA, input: FUNCTION_SOURCES }),
      new SwedishMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "[name][ext]" },
        ],
      }),
    ],
    performance: { maxEntrypointSize: 2_000_000, maxAssetSize: 2_000_000 },
  };

  if (env && env.WEBPACK_SERVE) {
    const https = await devServerHttps();
    if (!https) {
      console.warn(
        [
          "",
          `No trusted development certificate: serving over http://localhost:${PORT}.`,
          "Excel only loads add-ins over https. To get https:",
          "  npx office-addin-dev-certs install     (creates and trusts a localhost certificate; on Linux it uses sudo,",
          "                                         and browsers may also need the CA imported: ~/.office-addin-dev-certs/ca.crt)",
          "  npm run dev-server                     (run again: it then serves https)",
          "",
        ].join("\n"),
      );
    }
    config.devServer = {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      port: PORT,
      host: "localhost",
      static: false, // everything served is built or copied by webpack
      // The build already shows errors in the terminal; an overlay inside Excel's pane only hides the pane.
      client: { overlay: false },
    };
  }
  return config;
};
