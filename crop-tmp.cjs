const { chromium } = require("@playwright/test");
(async () => {
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const p = await b.newPage({ viewport: { width: 1280, height: 700 } });
  await p.goto("file:///work/wt-match/screenshots/matching-buyer-zh-desktop.png");
  await p.evaluate(() => window.scrollTo(0, 800));
  await p.screenshot({ path: "/tmp/crop.png", clip: { x: 0, y: 800, width: 1280, height: 600 } });
  await b.close();
})();
