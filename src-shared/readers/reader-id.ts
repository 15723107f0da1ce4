// A reader's id: how the readers panel, the reader settings and every card read name one reader. The
// backends give their readers these ids and the settings are keyed by them, so a choice made for a
// reader is the one applied to its reads.

/** The keyboard-wedge reader: one per desk, whatever types into the screen. */
export const WEDGE_READER_ID = 'wedge';

/** A PC/SC reader, by the name the smart card service gives it ("ACS ACR122U 00 00"). */
export function pcscReaderId(readerName: string): string {
  return `pcsc:${readerName}`;
}

/** A raw HID reader, by its USB vendor and product id: lowercase hex as lsusb prints them ("hid:08ff:0009"). */
export function hidReaderId(vendorId: number, productId: number): string {
  const hex = (id: number) => id.toString(16).padStart(4, '0');
  return `hid:${hex(vendorId)}:${hex(productId)}`;
}
