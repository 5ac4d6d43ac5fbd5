// What the design canvas leaves out as it zooms out, where text becomes too small to read.

/** Below this zoom the serdes on edges are unreadable and only clutter the picture. */
export const EDGE_LABEL_MIN_ZOOM = 0.45

/**
 * Below this zoom node text is a few pixels high: nodes show outlines and status colours only,
 * which is also most of what a pan would otherwise repaint.
 */
export const OVERVIEW_ZOOM = 0.35
