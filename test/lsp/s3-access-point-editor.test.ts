// The editor on `route s3-access-point`: completion offers it after `route`, the keyword hover gives the documented
// routing-change bound and where route changes are served, and the failover hover shows the routing row with its
// source (docs/facts.md#s3-mrap-failover-controls) — the same figure the estimator and rto-unachievable use.
import { describe, expect, it } from 'vitest';
import { validate } from '../helpers/services.js';
import { completionLabelsAt, hoverAt } from './lsp-helpers.js';

const DESIGN = `topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
service downloads { regions us-east-1, us-west-2  primary us-east-1  posture active-passive  capacity 100% per region }
`;

describe('route s3-access-point in the editor', () => {
    it('is offered after route', async () => {
        expect(await completionLabelsAt(`${DESIGN}failover downloads { route <|> }`)).toContain('s3-access-point');
    });

    it('has a keyword hover with the 2-minute bound and the five regions that serve route changes', async () => {
        const text = await hoverAt(`${DESIGN}failover downloads { route s3-acc<|>ess-point }`);
        expect(text).toContain('may take up to 2 m to apply — a bound');
        expect(text).toContain('us-east-1, us-west-2, ap-southeast-2, ap-northeast-1, eu-west-1');
    });

    it('shows the routing row of the failover hover as 0–2 m from the documented bound', async () => {
        const text = await hoverAt(
            `${DESIGN}fail<|>over downloads from us-east-1 to us-west-2 { detect health-check every 10s threshold 3  route s3-access-point  drill every 30d }`,
        );
        expect(text).toContain('routing (s3-access-point)');
        expect(text).toContain('2 m access-point routing change (a bound, [docs/facts.md#s3-mrap-failover-controls](');
        expect(text).toContain('best when the routing change applies at once');
    });

    it('raises no control-plane finding: route changes are served from five regions, not one homed control plane', async () => {
        const { diagnostics } = await validate(
            `${DESIGN}failover downloads from us-east-1 to us-west-2 { detect health-check every 10s threshold 3  route s3-access-point  drill every 30d }`,
        );
        expect(diagnostics.map((d) => d.code)).not.toContain('control-plane-failover');
        expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    });
});
