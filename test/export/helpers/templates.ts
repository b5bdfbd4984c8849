// Reading synthesized templates in assertions: one Template per stack of a cloud assembly, and the
// properties of every resource of a type.
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

// Template JSON is untyped; assertions read it as plain data.

export type Props = Record<string, any>;

export class Templates {
    private readonly cache = new Map<string, Template>();

    constructor(readonly assembly: CloudAssembly) {}

    get stackNames(): string[] {
        return this.assembly.stacks.map((s) => s.stackName).sort();
    }

    of(stackName: string): Template {
        let template = this.cache.get(stackName);
        if (!template) {
            template = Template.fromJSON(this.assembly.getStackByName(stackName).template as Record<string, unknown>);
            this.cache.set(stackName, template);
        }
        return template;
    }

    /** Properties of every resource of `type` in the stack, in template order. */
    props(stackName: string, type: string): Props[] {
        return Object.values(this.of(stackName).findResources(type)).map(
            (r) => (r as { Properties?: Props }).Properties ?? {},
        );
    }

    /** Stack names the stack depends on. */
    dependencies(stackName: string): string[] {
        return this.assembly
            .getStackByName(stackName)
            .dependencies.map((d) => d.id)
            .filter((id) => !id.endsWith('.assets'))
            .sort();
    }
}

/** Tags as a plain object, whether the resource lists them as [{Key, Value}] or as a map. */
export function tagsOf(props: Props): Record<string, string> {
    const tags = props.Tags ?? props.HealthCheckTags;
    if (Array.isArray(tags))
        return Object.fromEntries(tags.map((t: { Key: string; Value: string }) => [t.Key, t.Value]));
    return (tags ?? {}) as Record<string, string>;
}

export function regionsOfReplicas(table: Props): string[] {
    return (table.Replicas as { Region: string }[]).map((r) => r.Region);
}
