import assert from 'node:assert/strict';
import { refuseNetworkAccess } from './fixtures';
import { readIcon } from './png';

describe('Teams app manifest', () => {
  refuseNetworkAccess();

  describe('icons', () => {
    it('color.png is a 192x192 8-bit RGBA PNG', () => {
      const icon = readIcon('color.png');
      assert.deepEqual([icon.width, icon.height], [192, 192]);
      assert.deepEqual([icon.bitDepth, icon.colorType, icon.interlace], [8, 6, 0]);
    });

    it('outline.png is a 32x32 8-bit RGBA PNG', () => {
      const icon = readIcon('outline.png');
      assert.deepEqual([icon.width, icon.height], [32, 32]);
      assert.deepEqual([icon.bitDepth, icon.colorType, icon.interlace], [8, 6, 0]);
    });

    it('outline.png has only white or fully transparent pixels, and some visible ones', () => {
      const { pixels } = readIcon('outline.png');
      let visible = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
        if (a === 0) continue;
        visible++;
        assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is visible but not white`);
      }
      assert.ok(visible > 32, 'outline icon is (almost) empty');
    });
  });
});
