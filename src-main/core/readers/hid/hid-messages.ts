// What the readers panel says when a raw HID reader cannot be used, and what to do about it. Each
// operating system refuses differently: Linux by file permissions on /dev/hidraw*, Windows and macOS
// by keeping keyboards for themselves (a reader that types is a keyboard to them).

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

/** hidapi passes on the OS's words: errno text on Linux, Win32 text on Windows, IOKit codes on macOS. */
const ACCESS_DENIED = /permission denied|EACCES|access is denied|not permitted|e00002e2|exclusive/iu;

/**
 * Why a configured reader could not be opened and what to do. `isKeyboard`: the interface is a
 * keyboard (usage page 1, usage 6), which Windows never lets an application open, and macOS only with
 * Input Monitoring permission.
 */
export function explainOpenError(error: unknown, ids: HidIds, platform: string, isKeyboard: boolean): string {
  const reason = errorText(error);
  const reader = `HID reader ${formatHidIds(ids)}`;
  const isDenied = ACCESS_DENIED.test(reason);
  if (platform === 'linux' && isDenied) {
    return (
      `The system does not let Frontdesk ID open ${reader} (${reason}). Add a udev rule, ` +
      `e.g. /etc/udev/rules.d/70-frontdesk-id-reader.rules with the line\n${udevRuleFor(ids)}\n` +
      'and put the desk user in the plugdev group (or use TAG+="uaccess" instead of MODE and GROUP to ' +
      'allow whoever is logged in at the desk), then run ' +
      '"sudo udevadm control --reload-rules && sudo udevadm trigger" and plug the reader in again.'
    );
  }
  if (platform === 'win32' && (isDenied || isKeyboard)) {
    return (
      `Windows keeps keyboards for itself, so ${reader} cannot be read directly (${reason}). ` +
      'Set this reader up in keyboard-wedge mode instead.'
    );
  }
  if (platform === 'darwin' && (isDenied || isKeyboard)) {
    return (
      `macOS keeps keyboards for itself, so ${reader} cannot be read directly (${reason}). Allow ` +
      'Frontdesk ID under System Settings > Privacy & Security > Input Monitoring, or set this reader ' +
      'up in keyboard-wedge mode instead.'
    );
  }
  return `Could not open ${reader}: ${reason}`;
}

/** Why node-hid itself cannot be used: the package is missing, or its native part does not load. */
export function explainLoadError(error: unknown, platform: string): string {
  const reason = errorText(error);
  const code = (error as { code?: unknown } | null)?.code;
  const isMissing =
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /cannot find (package|module)/iu.test(reason);
  if (isMissing) {
    return (
      'Raw HID readers need the optional package node-hid, which is not installed ' +
      `(${reason}). Install it with "npm install node-hid@3.4.0" (an install with --omit=optional ` +
      'leaves it out), or set the readers up in keyboard-wedge mode.'
    );
  }
  const libraries =
    platform === 'linux'
      ? ' It needs libusb-1.0 and libudev at run time: "sudo apt install libusb-1.0-0 libudev1".'
      : '';
  return `node-hid is installed but its native part does not load (${reason}).${libraries}`;
}
