// Drives pressroom's search page in headless Chromium: search as you type, tick a region,
// drill down, brush years, click the map, open a document, go back, narrow screen, keyboard.
// Usage: node ui.mjs BASE_URL ARTIFACT_DIR   (tests/browser.rs starts the server and runs it)
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [base, artifacts] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on("pageerror", (error) => errors.push(String(error)));
page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });

let step = "start";
function check(condition, message) {
  if (!condition) throw new Error(`${step}: ${message}`);
}
const total = async () => parseInt((await page.textContent("#summary")).replace(/[^0-9].*$/, "").replace(/,/g, ""), 10);
const shot = (name) => page.screenshot({ path: join(artifacts, name), fullPage: true });

try {
  step = "open the page";
  await page.goto(base + "/");
  await page.waitForFunction(() => /release/.test(document.querySelector("#summary").textContent));
  const everything = await total();
  check(everything >= 35, `browsing shows ${everything} releases`);
  check(await page.locator("#year-chart rect.bar").count() > 3, "a year histogram");
  check(await page.locator("#map circle").count() > 150, "a dot per country");
  check(await page.locator("#region-tree > li").count() >= 4, "top-level regions");

  step = "search as you type";
  await page.locator("#q").pressSequentially("traffick", { delay: 30 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "traffick");
  await page.waitForFunction(() => document.querySelector("#hits li mark") !== null);
  const found = await total();
  check(found > 0 && found < everything, `prefix search found ${found}`);
  const marked = await page.locator("#hits li mark").first().textContent();
  check(/^traffick/i.test(marked), `the match is marked: ${marked}`);
  await shot("1-search.png");

  step = "tick a region";
  await page.locator('#region-tree input[data-path="/Americas"]').check();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll("region").includes("/Americas"));
  await page.waitForFunction((before) => parseInt(document.querySelector("#summary").textContent, 10) < before, found);
  const americas = await total();
  const regionsShown = await page.locator("#hits li").evaluateAll((items) =>
    items.every((item) => [...item.querySelectorAll(".chip")].some((chip) => chip.title === "Filter by region")));
  check(regionsShown, "every hit has a region chip");

  step = "drill down";
  const latin = page.locator('#region-tree input[data-path="/Americas/Latin America and the Caribbean"]');
  await latin.waitFor();
  await page.locator('#region-tree li:has(> .value input[data-path="/Americas/Latin America and the Caribbean"]) > .value .toggle').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll("open").length > 0);
  await page.locator('#region-tree input[data-path^="/Americas/Latin America and the Caribbean/"]').first().waitFor();
  await shot("2-region-drill-down.png");

  step = "brush years";
  await page.locator('#region-tree input[data-path="/Americas"]').uncheck();
  await page.waitForFunction(() => !new URLSearchParams(location.search).getAll("region").length);
  // The chart is drawn again when the unfiltered answer arrives: wait for that answer and for
  // a chart that is on the page (a box read while it is being replaced is null).
  await page.waitForFunction((before) => parseInt(document.querySelector("#summary").textContent, 10) > before, americas);
  let chart = null;
  for (let attempt = 0; attempt < 50 && !chart; attempt++) {
    await page.locator("#year-chart svg").waitFor();
    chart = await page.locator("#year-chart svg").boundingBox();
    if (!chart) await page.waitForTimeout(100);
  }
  check(chart !== null, "the year chart is drawn");
  await page.mouse.move(chart.x + chart.width * 0.55, chart.y + chart.height / 2);
  await page.mouse.down();
  await page.mouse.move(chart.x + chart.width * 0.75, chart.y + chart.height / 2, { steps: 5 });
  await page.mouse.move(chart.x + chart.width * 0.99, chart.y + chart.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("from") !== null);
  const range = await page.evaluate(() => [new URLSearchParams(location.search).get("from"), new URLSearchParams(location.search).get("to")]);
  check(+range[0] <= +range[1], `a year range ${range}`);
  // The hits redraw when the filtered answer arrives: wait until every one is in the range.
  await page.waitForFunction(([from, to]) => {
    const metas = [...document.querySelectorAll("#hits .meta")].map((meta) => meta.textContent);
    return metas.length > 0 && metas.every((meta) => { const year = +meta.slice(0, 4); return year >= +from && year <= +to; });
  }, range, { timeout: 5000 });
  check(await page.locator("#year-chart rect.bar.in").count() < await page.locator("#year-chart rect.bar").count(), "bars outside the range are dimmed");
  await shot("3-years.png");

  step = "click the map";
  await page.locator("#year-clear").click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("from") === null);
  const dot = page.locator("#map circle[role=button]").first();
  const iso3 = await dot.getAttribute("data-iso3");
  await dot.click();
  await page.waitForFunction((code) => new URLSearchParams(location.search).getAll("country").includes(code), iso3);
  // The map redraws when the new counts arrive, after the URL changes.
  await page.locator(`#map circle.selected[data-iso3="${iso3}"]`).waitFor({ timeout: 5000 });
  await page.locator(`#active-filters button`).first().click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).getAll("country").length);

  step = "open a document";
  const firstTitle = (await page.locator("#hits li h3 a").first().textContent()).trim();
  await page.locator("#hits li h3 a").first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("doc") !== null);
  await page.locator("#document h2").waitFor();
  check((await page.textContent("#document h2")).trim() === firstTitle, "the document's title");
  check((await page.textContent("#document .body")).length > 200, "the full text");
  await page.waitForFunction(() => document.querySelectorAll("#similar li a").length > 0);
  check(await page.locator("#results").isHidden(), "the result list is hidden");
  await shot("4-document.png");

  step = "back button";
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("doc") === null);
  await page.locator("#hits li").first().waitFor();
  check(await page.locator("#document").isHidden(), "the document view is closed");
  check((await page.locator("#hits li h3 a").first().textContent()).trim() === firstTitle, "the same results again");

  step = "shareable URL";
  const url = page.url();
  const second = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await second.goto(url);
  await second.locator("#hits li").first().waitFor();
  check((await second.locator("#hits li h3 a").first().textContent()).trim() === firstTitle, "the URL restores the search");
  check(await second.inputValue("#q") === "traffick", "and the search box");
  await second.close();

  step = "keyboard";
  await page.goto(base + "/");
  await page.locator("#hits li").first().waitFor();
  await page.keyboard.press("Tab");
  check(await page.evaluate(() => document.activeElement.className) === "skip", "the skip link comes first");
  await page.locator("#q").focus();
  await page.keyboard.type("refugees");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "refugees");
  await page.locator('#region-tree input[type=checkbox]').first().focus();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll("region").length === 1);

  step = "duplicates collapsed";
  await page.goto(base + "/?q=" + encodeURIComponent('"Costa Rica" trafficking network'));
  await page.locator("#hits li").first().waitFor();
  const note = page.locator("#hits li details.duplicates").first();
  await note.waitFor();
  check((await note.locator("summary").textContent()).includes("1 other release"), "the reposted copy is one hit's duplicate");
  await note.locator("summary").click();
  check((await note.locator("a").first().textContent()).startsWith("reposted:"), "the copy's id is listed");
  await shot("6-duplicates.png");

  step = "narrow screen";
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `no sideways scrolling (${overflow}px)`);
  await shot("5-narrow.png");

  check(errors.length === 0, `no page errors: ${errors.join("; ")}`);
  console.log("browser tests passed");
} catch (error) {
  await shot("failure.png").catch(() => {});
  console.error(String(error.stack || error));
  process.exitCode = 1;
} finally {
  await browser.close();
}
