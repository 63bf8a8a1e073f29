/**
 * What the add-in build (webpack.config.js) and the playground build (webpack.playground.config.js) compile
 * the same way: TypeScript through ts-loader.
 */

/** `resolve` and `module` for a build; `dev` adds source maps. */
function typescript(dev) {
  return {
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Type errors are `npm run typecheck`'s job; ES modules let webpack drop unused library code.
          options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } },
        },
      ],
    },
  };
}

module.exports = { typescript };
