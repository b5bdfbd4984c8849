// Standard exponential variates by the ziggurat method (Marsaglia & Tsang, "The Ziggurat Method for Generating
// Random Variables", J. Stat. Softw. 5(8), 2000): 256 layers of equal area under e^(−x); a draw lands inside a
// layer's rectangle (≈ 99 % of draws) and costs a table lookup and a multiply, no logarithm. Layer index and
// position come from separate bits of one 32-bit draw (8 low bits, 24 high), so they are independent.
import { float64At } from '../typed-at.js';

const LAYERS = 256;
/** Where the base strip's tail starts (r) and each layer's area (v), from the paper's table for 256 layers. */
const R = 7.697117470131487;
const V = 3.949659822581572e-3;
const POSITIONS = 2 ** 24;

/** Per layer: the position below which a draw is inside the rectangle (`k`), its width per position (`w`), e^(−x) at its edge (`f`). */
const k = new Float64Array(LAYERS);
const w = new Float64Array(LAYERS);
const f = new Float64Array(LAYERS);
{
    const q = V / Math.exp(-R);
    k[0] = Math.floor((R / q) * POSITIONS);
    k[1] = 0;
    w[0] = q / POSITIONS;
    w[LAYERS - 1] = R / POSITIONS;
    f[0] = 1;
    f[LAYERS - 1] = Math.exp(-R);
    let de = R;
    let previous = R;
    for (let i = LAYERS - 2; i >= 1; i--) {
        de = -Math.log(V / de + Math.exp(-de));
        k[i + 1] = Math.floor((de / previous) * POSITIONS);
        previous = de;
        f[i] = Math.exp(-de);
        w[i] = de / POSITIONS;
    }
}

/** A source of uniform 32-bit draws (signed or not) and of uniforms in [0, 1). */
export interface Draws {
    bits(): number;
    chance(): number;
}

/** A standard exponential (mean 1) from `draws`: one 32-bit draw in the common case. */
export function standardExponential(draws: Draws): number {
    const u = draws.bits();
    const layer = u & 0xff;
    const position = u >>> 8;
    if (position < k[layer]!) return position * w[layer]!;
    outside(draws, layer, position);
    return result[0]!;
}

/**
 * Where `outside` leaves its draw. A function V8 does not inline returns a number boxed, and a return that can
 * be boxed would box the common return too (an allocation per draw); a typed-array slot keeps both unboxed.
 */
const result = new Float64Array(1);

/** A draw outside its layer's rectangle: the tail beyond R, or the wedge accepted under the curve. */
function outside(draws: Draws, layer: number, position: number): void {
    for (;;) {
        // The base layer's part beyond R: the tail of an exponential is R plus another exponential.
        if (layer === 0) {
            result[0] = R - Math.log(1 - draws.chance());
            return;
        }
        const x = position * float64At(w, layer, 'ziggurat widths');
        const edge = float64At(f, layer, 'ziggurat edges');
        if (edge + draws.chance() * (float64At(f, layer - 1, 'ziggurat edges') - edge) < Math.exp(-x)) {
            result[0] = x;
            return;
        }
        const u = draws.bits();
        layer = u & 0xff;
        position = u >>> 8;
        if (position < float64At(k, layer, 'ziggurat bounds')) {
            result[0] = position * float64At(w, layer, 'ziggurat widths');
            return;
        }
    }
}
