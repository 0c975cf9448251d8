import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import AdmZip from "adm-zip";
import {
  BOT_ID_PLACEHOLDER,
  LOCAL_BOT_ID,
  MANIFEST_DIR,
  ManifestValidationError,
  buildAppPackage,
  renderManifest,
  resolveBotId,
  validateManifest,
} from "../../tools/packageApp";

const SAMPLE_BOT_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  /** Unfiltered pixel rows, 4 bytes (RGBA) per pixel; only filled for 8-bit RGBA images. */
  pixels: Buffer;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Reverses PNG scanline filters for a non-interlaced image with `bpp` bytes per pixel. */
function unfilter(data: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[row + x - bpp] : 0;
      const up = y > 0 ? out[row - stride + x] : 0;
      const upLeft = x >= bpp && y > 0 ? out[row - stride + x - bpp] : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = left; break;
        case 2: predictor = up; break;
        case 3: predictor = (left + up) >> 1; break;
        case 4: predictor = paeth(left, up, upLeft); break;
        default: throw new Error(`Unknown PNG filter type ${filter} in row ${y}`);
      }
      out[row + x] = (data[src + x] + predictor) & 0xff;
    }
  }
  return out;
}

function decodePng(file: Buffer): DecodedPng {
  assert.ok(file.subarray(0, 8).equals(PNG_SIGNATURE), "not a PNG file");
  let offset = 8;
  let header: Omit<DecodedPng, "pixels"> | undefined;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("ascii", offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    offset += 12 + length;
  }
  assert.ok(header, "PNG has no IHDR chunk");
  const isRgba8 = header.bitDepth === 8 && header.colorType === 6 && header.interlace === 0;
  const pixels = isRgba8
    ? unfilter(zlib.inflateSync(Buffer.concat(idat)), header.width, header.height, 4)
    : Buffer.alloc(0);
  return { ...header, pixels };
}

function readTemplate(): string {
  return fs.readFileSync(path.join(MANIFEST_DIR, "manifest.json"), "utf8");
}

function readIcon(name: string): DecodedPng {
  return decodePng(fs.readFileSync(path.join(MANIFEST_DIR, name)));
}

/** A JSON copy of the manifest with loose typing, for breaking it on purpose. */
function looseCopy(value: object): { bots: Array<Record<string, unknown>> } {
  return JSON.parse(JSON.stringify(value)) as { bots: Array<Record<string, unknown>> };
}

describe("Teams app manifest", () => {
  const originalFetch = globalThis.fetch;

  // Schema validation must not need the network: fail loudly if it tries.
  before(() => {
    globalThis.fetch = () => Promise.reject(new Error("network access attempted during manifest validation"));
  });
  after(() => {
    globalThis.fetch = originalFetch;
  });

  describe("template", () => {
    it("keeps the bot id as a placeholder and names a schema matching its manifestVersion", () => {
      const template = readTemplate();
      assert.ok(template.includes(`"botId": "${BOT_ID_PLACEHOLDER}"`));

      const manifest = renderManifest(template, SAMPLE_BOT_ID);
      assert.equal(
        manifest.$schema,
        `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
      );
      assert.match(manifest.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.notEqual(manifest.id, SAMPLE_BOT_ID);
    });

    it("offers link, unlink, links, settings and help in teams and group chats; the rep's own commands in personal chat", () => {
      const manifest = renderManifest(readTemplate(), SAMPLE_BOT_ID);
      const bot = manifest.bots?.[0];
      assert.ok(bot, "manifest has no bot");
      assert.deepEqual(bot.scopes, ["team", "personal", "groupChat"]);

      const commandsFor = (scope: "team" | "groupChat" | "personal"): string[] =>
        (bot.commandLists ?? [])
          .filter((list) => list.scopes.includes(scope))
          .flatMap((list) => list.commands.map((command) => command.title));

      assert.deepEqual(commandsFor("team"), ["link", "unlink", "links", "settings", "help"]);
      assert.deepEqual(commandsFor("groupChat"), ["link", "unlink", "links", "settings", "help"]);
      assert.deepEqual(commandsFor("personal"), ["my deals", "expiring", "find", "favorites", "new deal", "links", "settings", "help"]);
      for (const list of bot.commandLists ?? []) assert.ok(list.commands.length <= 10, "Teams shows at most 10 commands a list");
    });
  });

  describe("renderManifest", () => {
    it("substitutes the bot id", () => {
      const manifest = renderManifest(readTemplate(), SAMPLE_BOT_ID);
      assert.equal(manifest.bots?.[0]?.botId, SAMPLE_BOT_ID);
    });

    it("rejects templates with unknown placeholders", () => {
      assert.throws(() => renderManifest('{"id": "${{APP_ID}}"}', SAMPLE_BOT_ID), /\$\{\{APP_ID\}\}/);
    });
  });

  describe("validateManifest", () => {
    it("accepts the rendered manifest against its official schema, offline", async () => {
      const errors = await validateManifest(renderManifest(readTemplate(), SAMPLE_BOT_ID));
      assert.deepEqual(errors, []);
    });

    it("reports a manifest whose bot has no botId", async () => {
      const broken = looseCopy(renderManifest(readTemplate(), SAMPLE_BOT_ID));
      delete broken.bots[0].botId;
      const errors = await validateManifest(broken);
      assert.ok(errors.some((e) => e.includes("botId")), `expected a botId error, got: ${errors.join("; ")}`);
    });

    it("reports a botId of the wrong type", async () => {
      const broken = looseCopy(renderManifest(readTemplate(), SAMPLE_BOT_ID));
      broken.bots[0].botId = 42;
      const errors = await validateManifest(broken);
      assert.ok(errors.some((e) => e.startsWith("/bots/0/botId")), `expected a botId error, got: ${errors.join("; ")}`);
    });

    it("reports an unsubstituted placeholder bot id", async () => {
      const unrendered = looseCopy(JSON.parse(readTemplate()) as object);
      const errors = await validateManifest(unrendered);
      assert.ok(errors.some((e) => e.startsWith("/bots/0/botId")));
    });
  });

  describe("icons", () => {
    it("color.png is a 192x192 8-bit RGBA PNG", () => {
      const icon = readIcon("color.png");
      assert.deepEqual([icon.width, icon.height], [192, 192]);
      assert.deepEqual([icon.bitDepth, icon.colorType, icon.interlace], [8, 6, 0]);
    });

    it("outline.png is a 32x32 8-bit RGBA PNG", () => {
      const icon = readIcon("outline.png");
      assert.deepEqual([icon.width, icon.height], [32, 32]);
      assert.deepEqual([icon.bitDepth, icon.colorType, icon.interlace], [8, 6, 0]);
    });

    it("outline.png has only white or fully transparent pixels, and some visible ones", () => {
      const { pixels } = readIcon("outline.png");
      let visible = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
        if (a === 0) continue;
        visible++;
        assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is visible but not white`);
      }
      assert.ok(visible > 32, "outline icon is (almost) empty");
    });
  });

  describe("resolveBotId", () => {
    it("uses MicrosoftAppId when set", () => {
      assert.deepEqual(resolveBotId({ MicrosoftAppId: SAMPLE_BOT_ID }), { botId: SAMPLE_BOT_ID });
    });

    it("falls back to the local bot id with a warning naming MicrosoftAppId", () => {
      for (const env of [{}, { MicrosoftAppId: "" }]) {
        const { botId, warning } = resolveBotId(env);
        assert.equal(botId, LOCAL_BOT_ID);
        assert.match(warning ?? "", /MicrosoftAppId/);
        assert.match(warning ?? "", /local client/);
      }
    });
  });

  describe("buildAppPackage", () => {
    let tempDir: string;

    beforeEach(() => {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "referral-desk-package-"));
    });
    afterEach(() => {
      fs.rmSync(tempDir, { recursive: true, force: true });
    });

    it("writes a zip with exactly manifest.json, color.png and outline.png at its root", async () => {
      const outputPath = path.join(tempDir, "nested", "appPackage.zip");
      const written = await buildAppPackage({ botId: SAMPLE_BOT_ID, outputPath });
      assert.equal(written, outputPath);

      const zip = new AdmZip(outputPath);
      const names = zip.getEntries().map((entry) => entry.entryName).sort();
      assert.deepEqual(names, ["color.png", "manifest.json", "outline.png"]);

      const manifestText = zip.readAsText("manifest.json");
      assert.ok(!manifestText.includes(BOT_ID_PLACEHOLDER));
      const packaged = JSON.parse(manifestText) as { bots: Array<{ botId: string }> };
      assert.equal(packaged.bots[0].botId, SAMPLE_BOT_ID);
      assert.deepEqual(await validateManifest(packaged), []);

      for (const icon of ["color.png", "outline.png"]) {
        assert.ok(zip.readFile(icon)?.equals(fs.readFileSync(path.join(MANIFEST_DIR, icon))), `${icon} differs`);
      }
    });

    it("refuses to write a package whose manifest is invalid", async () => {
      const outputPath = path.join(tempDir, "appPackage.zip");
      await assert.rejects(
        buildAppPackage({ botId: "not-a-guid", outputPath }),
        (error: unknown) => error instanceof ManifestValidationError && error.errors.some((e) => e.includes("botId")),
      );
      assert.equal(fs.existsSync(outputPath), false);
    });
  });
});
