// Stands in for esbuild inside a production bundle. Only the widget's on-the-fly rebuild calls it,
// for a checkout whose sources changed; a bundle ships packages/widget/build prebuilt and no sources.
const refuse = () => {
  throw new Error('esbuild is not part of a production bundle: packages/widget/build must be prebuilt');
};
module.exports = { build: refuse, buildSync: refuse, context: refuse, transform: refuse, transformSync: refuse };
