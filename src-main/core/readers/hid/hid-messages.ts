// What the readers panel says when a raw HID reader cannot be used, and what to do about it. Each
// operating system refuses differently: Linux by file permissions on /dev/hidraw*, Windows and macOS
// by keeping keyboards for themselves (a reader that types is a keyboard to them). Each message comes
// in English and as words the screen translates; commands, paths and the system's own text are params.

import {
  BOOT_REPORT_LENGTH,
  type HidReportLengthError,
} from '../../../../src-shared/readers/hid-keyboard.js';
import type { ReaderMessage } from '../reader-backend.js';

export interface HidIds {
  vendorId: number;
  productId: number;
}

const hex4 = (value: number): string => value.toString(16).padStart(4, '0');

/** "08ff:0009", the way lsusb prints it. */
export function formatHidIds({ vendorId, productId }: HidIds): string {
  return `${hex4(vendorId)}:${hex4(productId)}`;
}

/** The udev rule that lets the desk's user group open the reader's hidraw node on Linux. */
export function udevRuleFor({ vendorId, productId }: HidIds): string {
  return (
    `SUBSYSTEM=="hidraw", ATTRS{idVendor}=="${hex4(vendorId)}", ATTRS{idProduct}=="${hex4(productId)}", ` +
    'MODE="0660", GROUP="plugdev"'
  );
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const NOT_STARTED: ReaderMessage = { message: 'Not started', words: { key: 'hid_not_started' } };
export const LOOKING: ReaderMessage = { message: 'Looking for HID readers', words: { key: 'hid_looking' } };
export const STOPPED: ReaderMessage = { message: 'Stopped', words: { key: 'hid_stopped' } };
export const NOT_CONNECTED: ReaderMessage = { message: 'Not connected', words: { key: 'hid_not_connected' } };

export function describeRead(text: string): ReaderMessage {
  return {
    message: `Read ${text.length} characters`,
    words: { key: 'hid_read', params: { count: text.length } },
  };
}

export function explainDisconnect(error: unknown): ReaderMessage {
  const detail = errorText(error);
  return {
    message: `Disconnected (${detail}); waiting for it to be plugged in again`,
    words: { key: 'hid_disconnected', params: { detail } },
  };
}

export function explainListError(error: unknown): ReaderMessage {
  const detail = errorText(error);
  return {
    message: `Listing HID devices failed: ${detail}`,
    words: { key: 'hid_list_failed', params: { detail } },
  };
}

/** A report of the wrong length: the device is not a boot keyboard, or its report ID is not set. */
export function explainReportLength(error: HidReportLengthError): ReaderMessage {
  const params = { length: error.length, expected: error.expected };
  const hasReportId = error.expected > BOOT_REPORT_LENGTH;
  return {
    message: error.message,
    words: { key: hasReportId ? 'hid_report_length_report_id' : 'hid_report_length', params },
  };
}

/** hidapi passes on the OS's words: errno text on Linux, Win32 text on Windows, IOKit codes on macOS. */
const ACCESS_DENIED = /permission denied|EACCES|access is denied|not permitted|e00002e2|exclusive/iu;
const UDEV_RULE_FILE = '/etc/udev/rules.d/70-frontdesk-id-reader.rules';
const UDEV_RELOAD_COMMAND = 'sudo udevadm control --reload-rules && sudo udevadm trigger';

/**
 * Why a configured reader could not be opened and what to do. `isKeyboard`: the interface is a
 * keyboard (usage page 1, usage 6), which Windows never lets an application open, and macOS only with
 * Input Monitoring permission.
 */
export function explainOpenError(
  error: unknown,
  ids: HidIds,
  platform: string,
  isKeyboard: boolean,
): ReaderMessage {
  const detail = errorText(error);
  const id = formatHidIds(ids);
  const reader = `HID reader ${id}`;
  const isDenied = ACCESS_DENIED.test(detail);
  if (platform === 'linux' && isDenied) {
    const rule = udevRuleFor(ids);
    return {
      message:
        `The system does not let Frontdesk ID open ${reader} (${detail}). Add a udev rule, ` +
        `e.g. ${UDEV_RULE_FILE} with the line\n${rule}\n` +
        'and put the desk user in the plugdev group (or use TAG+="uaccess" instead of MODE and GROUP to ' +
        'allow whoever is logged in at the desk), then run ' +
        `"${UDEV_RELOAD_COMMAND}" and plug the reader in again.`,
      words: {
        key: 'hid_open_denied_linux',
        params: { ids: id, detail, ruleFile: UDEV_RULE_FILE, rule, reloadCommand: UDEV_RELOAD_COMMAND },
      },
    };
  }
  if (platform === 'win32' && (isDenied || isKeyboard)) {
    return {
      message:
        `Windows keeps keyboards for itself, so ${reader} cannot be read directly (${detail}). ` +
        'Set this reader up in keyboard-wedge mode instead.',
      words: { key: 'hid_keyboard_windows', params: { ids: id, detail } },
    };
  }
  if (platform === 'darwin' && (isDenied || isKeyboard)) {
    return {
      message:
        `macOS keeps keyboards for itself, so ${reader} cannot be read directly (${detail}). Allow ` +
        'Frontdesk ID under System Settings > Privacy & Security > Input Monitoring, or set this reader ' +
        'up in keyboard-wedge mode instead.',
      words: { key: 'hid_keyboard_macos', params: { ids: id, detail } },
    };
  }
  return {
    message: `Could not open ${reader}: ${detail}`,
    words: { key: 'hid_open_failed', params: { ids: id, detail } },
  };
}

const NODE_HID_INSTALL_COMMAND = 'npm install node-hid@3.4.0';
const LIBRARIES_INSTALL_COMMAND = 'sudo apt install libusb-1.0-0 libudev1';

/** Why node-hid itself cannot be used: the package is missing, or its native part does not load. */
export function explainLoadError(error: unknown, platform: string): ReaderMessage {
  const detail = errorText(error);
  const code = (error as { code?: unknown } | null)?.code;
  const isMissing =
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /cannot find (package|module)/iu.test(detail);
  if (isMissing) {
    return {
      message:
        'Raw HID readers need the optional package node-hid, which is not installed ' +
        `(${detail}). Install it with "${NODE_HID_INSTALL_COMMAND}" (an install with --omit=optional ` +
        'leaves it out), or set the readers up in keyboard-wedge mode.',
      words: { key: 'hid_module_missing', params: { detail, installCommand: NODE_HID_INSTALL_COMMAND } },
    };
  }
  const message = `node-hid is installed but its native part does not load (${detail}).`;
  if (platform !== 'linux') return { message, words: { key: 'hid_module_broken', params: { detail } } };
  return {
    message: `${message} It needs libusb-1.0 and libudev at run time: "${LIBRARIES_INSTALL_COMMAND}".`,
    words: {
      key: 'hid_module_broken_linux',
      params: { detail, installCommand: LIBRARIES_INSTALL_COMMAND },
    },
  };
}
