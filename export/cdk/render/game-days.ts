// lib/stacks/<region>-gameday-stack.ts: the FIS experiment templates of the design's scenarios for one region.
import { CodeWriter, IdentifierScope, tsString } from '../code.js';
import { tagValue } from '../names.js';
import type { ExportPlan, GameDayStackPlan } from '../plan/types.js';
import { GENERATED_NOTE, Imports, TAG_TOPOLOGY } from './shared.js';

export function renderGameDayStack(plan: ExportPlan, stack: GameDayStackPlan): string {
    const imports = new Imports()
        .add('aws-cdk-lib', 'Stack')
        .addType('aws-cdk-lib', 'StackProps')
        .add('constructs', 'Construct')
        .add('../constructs/game-day-experiment', 'GameDayExperiment');
    const ids = new IdentifierScope('pascal', [], 'hash');
    const w = new CodeWriter();
    w.commentWrapped(
        `${plan.topologyName}: game days in ${stack.region}, one AWS FIS experiment template per scenario that injects a fault here. Deployed only with -c mregion:game-days=true; an experiment runs only when started (README.md). ${GENERATED_NOTE}`,
    );
    imports.write(w);
    w.blank();
    w.block(`export class ${stack.className} extends Stack {`, (c) => {
        c.block('constructor(scope: Construct, id: string, props: StackProps) {', (b) => {
            b.line('super(scope, id, props);');
            for (const e of stack.experiments) {
                b.blank();
                b.comment(`scenario ${e.scenario} (${e.source.file}:${e.source.line})`);
                b.block(
                    `new GameDayExperiment(this, ${tsString(ids.get(`${e.scenario}`))}, {`,
                    (p) => {
                        p.line(
                            `description: ${tsString(`${plan.topologyName}: scenario ${e.scenario} in ${e.region} (mregion export of ${plan.sourceFile})`)},`,
                        );
                        p.line(
                            `tag: { key: ${tsString(TAG_TOPOLOGY)}, value: ${tsString(tagValue(plan.topologyName))} },`,
                        );
                        p.line(`objectives: ${tsString(e.objectives)},`);
                        p.block(
                            'actions: [',
                            (a) => {
                                for (const action of e.actions) {
                                    a.line(
                                        `{ actionId: ${tsString(action.actionId)}, ${action.duration !== undefined ? `duration: ${tsString(action.duration)}, ` : ''}${action.mrsc === true ? 'mrsc: true, ' : ''}description: ${tsString(action.why)} },`,
                                    );
                                }
                            },
                            '],',
                        );
                    },
                    '});',
                );
            }
        });
    });
    return w.toString();
}
