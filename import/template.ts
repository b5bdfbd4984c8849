// What the importer reads: CloudFormation stacks, each with the region it is deployed to when that is known
// (a cdk.out manifest's stack environment, or --region for a lone template).

export interface CfnResource {
    readonly Type: string;
    readonly Properties: Readonly<Record<string, unknown>>;
    /** The input's own type when the resource was translated into CloudFormation's shape (Terraform's `aws_…`). */
    readonly SourceType?: string;
}

export interface DeployedStack {
    /** The stack's name: cdk.out's artifact id, or a lone template's file name without `.template.json`. */
    readonly name: string;
    /** The region the stack is deployed to, when the input says so. */
    readonly region?: string;
    readonly resources: ReadonlyMap<string, CfnResource>;
    /** Terraform input: resources are named by address, and refer to each other across regions. */
    readonly kind?: 'terraform';
}

/** Where a declaration came from: a resource's logical id in its stack. */
export interface Origin {
    readonly logicalId: string;
    readonly stack: string;
    readonly kind?: 'terraform';
}

/** A resource in a stack, with the stack it is in (CloudFormation resources refer to each other within their stack only). */
export interface Located {
    readonly stack: DeployedStack;
    readonly logicalId: string;
    readonly resource: CfnResource;
}

export function originOf(located: Located): Origin {
    return {
        logicalId: located.logicalId,
        stack: located.stack.name,
        ...(located.stack.kind !== undefined ? { kind: located.stack.kind } : {}),
    };
}

/** Every resource of a type, across all stacks, in input order. */
export function resourcesOfType(stacks: readonly DeployedStack[], type: string): Located[] {
    const found: Located[] = [];
    for (const stack of stacks) {
        for (const [logicalId, resource] of stack.resources)
            if (resource.Type === type) found.push({ stack, logicalId, resource });
    }
    return found;
}
