// In the benchmark's baseline page, 'papaparse' is the library's UMD build loaded as a classic
// script (window.Papa); this module hands it to baseline.mjs as its default export.
export default globalThis.Papa;
