// paparan uses puppeteer-core with a system browser; never download one.
module.exports = { skipDownload: true };
