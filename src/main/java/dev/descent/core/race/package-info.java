/**
 * The race engine: K racers (optimizer + schedule + clipping, see {@link dev.descent.core.race.RacerConfig})
 * stepping in lock-step on one problem, off the UI thread.
 *
 * <ul>
 *   <li>{@link dev.descent.core.race.SurfaceRace}: racers on a 2-D surface from a common start,
 *       with divergence detection (non-finite values, |x|,|y| &gt; 1e15, |f| &gt; 1e30).</li>
 *   <li>{@link dev.descent.core.race.Trace}: bounded per-racer history in primitive arrays that
 *       thins itself (every k-th point, newest always kept) and hands out copy-on-write
 *       {@link dev.descent.core.race.TraceSnapshot}s.</li>
 *   <li>{@link dev.descent.core.race.RaceRunner}: the one engine thread driving any
 *       {@link dev.descent.core.race.Steppable} (play, pause, step, reset, speed, load, close),
 *       publishing an immutable {@link dev.descent.core.race.RaceSnapshot} through a volatile
 *       reference that views read once per frame.</li>
 * </ul>
 */
package dev.descent.core.race;
