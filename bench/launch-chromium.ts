import { chromium, type Browser } from 'playwright-core';
import { chromiumFlags } from '../packages/react/src/__tests__/chromium/launch-chromium';

/** Debian's Chromium, with the flags of the kit's browser tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumFlags });
}
