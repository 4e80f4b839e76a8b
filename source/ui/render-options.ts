/**
 * How often Ink may draw a frame: one options object for the program (run-tui), the build's
 * warm-up run and the benchmark, so that the keypress figures time what the user gets.
 *
 * Ink holds a frame back when another was drawn less than 1000 / maxFps ms before it. A key
 * pressed just after a frame of the program's own (the "saved" of the previous key's save)
 * waited for that: up to 34 ms at Ink's default of 30 frames a second. Frames are drawn only
 * on events (keys, saves, watchers), never as a stream, so the cap only decides how long a
 * key's frame may wait behind the frame before it: at 120, 9 ms at most.
 */
export const RENDER_OPTIONS = {maxFps: 120} as const;
