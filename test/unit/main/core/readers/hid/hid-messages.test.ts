// What the readers panel says about raw HID readers: each message with its words, the system's own
// text, the commands and the udev rule as params, and an English sentence that reads like the message.
import { describe, expect, it } from 'vitest';
import {
  describeRead,
  explainDisconnect,
  explainListError,
  explainLoadError,
  explainOpenError,
  explainReportLength,
  LOOKING,
  NOT_CONNECTED,
  NOT_STARTED,
  STOPPED,
  udevRuleFor,
} from '../../../../../../src-main/core/readers/hid/hid-messages';
import { HidReportLengthError } from '../../../../../../src-shared/readers/hid-keyboard';
import { expectWords } from '../reader-words';

const IDS = { vendorId: 0x08ff, productId: 0x0009 };
const DENIED = new Error("Failed to open a device with path '/dev/hidraw3': Permission denied");
const ACCESS_IS_DENIED = new Error('cannot open device with path \\\\?\\hid#vid_08ff: Access is denied.');

describe('explainOpenError', () => {
  it('on Linux, gives the udev rule on a line of its own, and the rule, file and command as params', () => {
    const said = explainOpenError(DENIED, IDS, 'linux', true);
    const rule = udevRuleFor(IDS);
    expectWords(said.message, said.words, {
      key: 'hid_open_denied_linux',
      params: {
        ids: '08ff:0009',
        detail: DENIED.message,
        ruleFile: '/etc/udev/rules.d/70-frontdesk-id-reader.rules',
        rule,
        reloadCommand: 'sudo udevadm control --reload-rules && sudo udevadm trigger',
      },
    });
    expect(said.message.split('\n')[1]).toBe(rule);
  });

  it.each([
    ['win32', 'hid_keyboard_windows'],
    ['darwin', 'hid_keyboard_macos'],
  ] as const)('on %s, advises keyboard-wedge mode for a keyboard reader', (platform, key) => {
    const said = explainOpenError(ACCESS_IS_DENIED, IDS, platform, true);
    expectWords(said.message, said.words, {
      key,
      params: { ids: '08ff:0009', detail: ACCESS_IS_DENIED.message },
    });
  });

  it('otherwise passes the system’s words on', () => {
    const said = explainOpenError(new Error('device busy'), IDS, 'linux', false);
    expectWords(said.message, said.words, {
      key: 'hid_open_failed',
      params: { ids: '08ff:0009', detail: 'device busy' },
    });
  });
});

describe('explainLoadError', () => {
  it('says how to install node-hid when it is missing', () => {
    const missing = Object.assign(new Error("Cannot find package 'node-hid'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const said = explainLoadError(missing, 'linux');
    expectWords(said.message, said.words, {
      key: 'hid_module_missing',
      params: { detail: "Cannot find package 'node-hid'", installCommand: 'npm install node-hid@3.4.0' },
    });
  });

  it('names the libraries on Linux when the native part does not load, and not elsewhere', () => {
    const broken = new Error('libusb-1.0.so.0: cannot open shared object file');
    const onLinux = explainLoadError(broken, 'linux');
    expectWords(onLinux.message, onLinux.words, {
      key: 'hid_module_broken_linux',
      params: { detail: broken.message, installCommand: 'sudo apt install libusb-1.0-0 libudev1' },
    });
    const onWindows = explainLoadError(broken, 'win32');
    expectWords(onWindows.message, onWindows.words, {
      key: 'hid_module_broken',
      params: { detail: broken.message },
    });
  });
});

describe('the other HID messages', () => {
  it('give their words, with the variable parts as params', () => {
    expectWords(NOT_STARTED.message, NOT_STARTED.words, { key: 'hid_not_started' });
    expectWords(LOOKING.message, LOOKING.words, { key: 'hid_looking' });
    expectWords(STOPPED.message, STOPPED.words, { key: 'hid_stopped' });
    expectWords(NOT_CONNECTED.message, NOT_CONNECTED.words, { key: 'hid_not_connected' });
    const read = describeRead('0012345678');
    expectWords(read.message, read.words, { key: 'hid_read', params: { count: 10 } });
    const gone = explainDisconnect(new Error('could not read from HID device'));
    expectWords(gone.message, gone.words, {
      key: 'hid_disconnected',
      params: { detail: 'could not read from HID device' },
    });
    const listing = explainListError('hid_enumerate failed');
    expectWords(listing.message, listing.words, {
      key: 'hid_list_failed',
      params: { detail: 'hid_enumerate failed' },
    });
  });

  it('tell a wrong report length with and without a report ID apart', () => {
    const plain = explainReportLength(new HidReportLengthError(3, 8));
    expectWords(plain.message, plain.words, {
      key: 'hid_report_length',
      params: { length: 3, expected: 8 },
    });
    const numbered = explainReportLength(new HidReportLengthError(8, 9));
    expectWords(numbered.message, numbered.words, {
      key: 'hid_report_length_report_id',
      params: { length: 8, expected: 9 },
    });
  });
});
