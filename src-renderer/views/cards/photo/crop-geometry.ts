// The crop to the card photo's 3:4, in the source image's pixels: a centre and a zoom. At zoom 1 the
// crop is the largest 3:4 rectangle the image holds; zooming narrows it; the crop never leaves the image.
import { CARD_PHOTO_ASPECT, CARD_PHOTO_MIN_HEIGHT } from '../../../../src-shared/domain/card-photo-rules';

export const MAX_ZOOM = 4;
/** Sent photos are at most this wide (900×1200): plenty for a card, small enough to send. */
export const OUTPUT_MAX_WIDTH = 900;
/** The narrowest crop that still makes ID06's 410 pixels high at 3:4 (308×411). */
export const OUTPUT_MIN_WIDTH = Math.ceil(CARD_PHOTO_MIN_HEIGHT * CARD_PHOTO_ASPECT) + 1;

export interface Crop {
  cx: number;
  cy: number;
  zoom: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Rect extends Size {
  x: number;
  y: number;
}

function cropSize(image: Size, zoom: number): Size {
  const width = Math.min(image.width, image.height * CARD_PHOTO_ASPECT) / zoom;
  return { width, height: width / CARD_PHOTO_ASPECT };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function clampCrop(image: Size, crop: Crop): Crop {
  const zoom = clamp(Number.isFinite(crop.zoom) ? crop.zoom : 1, 1, MAX_ZOOM);
  const size = cropSize(image, zoom);
  return {
    zoom,
    cx: clamp(crop.cx, size.width / 2, image.width - size.width / 2),
    cy: clamp(crop.cy, size.height / 2, image.height - size.height / 2),
  };
}

/** A head-and-shoulders start: centred across, a little above the middle (faces sit high in a frame). */
export function initialCrop(image: Size): Crop {
  return clampCrop(image, { cx: image.width / 2, cy: image.height * 0.45, zoom: 1 });
}

export function cropRect(image: Size, crop: Crop): Rect {
  const c = clampCrop(image, crop);
  const size = cropSize(image, c.zoom);
  return { x: c.cx - size.width / 2, y: c.cy - size.height / 2, ...size };
}

/** Moves the crop by a distance measured on the screen's stage of `stageWidth` pixels. */
export function moveCrop(
  image: Size,
  crop: Crop,
  dxStage: number,
  dyStage: number,
  stageWidth: number,
): Crop {
  const scale = cropSize(image, crop.zoom).width / stageWidth;
  // Dragging the picture right shows more of its left: the crop moves the other way.
  return clampCrop(image, { ...crop, cx: crop.cx - dxStage * scale, cy: crop.cy - dyStage * scale });
}

export function zoomCrop(image: Size, crop: Crop, zoom: number): Crop {
  return clampCrop(image, { ...crop, zoom });
}

/** The size the crop is drawn at: its own pixels, at most 900 wide, exactly 3:4. */
export function outputSize(rect: Rect): Size {
  const width = Math.min(Math.round(rect.width), OUTPUT_MAX_WIDTH);
  return { width, height: Math.round(width / CARD_PHOTO_ASPECT) };
}
