// Reading CloudFormation property values: literals, references to other resources of the same stack, and the
// region a value names (an ARN's region field, or a region code inside a name).

/** A string or number written literally (CloudFormation writes numbers both ways: `"TTL": "60"`). */
export function literal(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return undefined;
}

/** A literal that is a whole number, or undefined. */
export function wholeNumber(value: unknown): number | undefined {
    const text = literal(value);
    if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
    return Number(text.trim());
}

/** The logical id a `Ref` or `Fn::GetAtt` points to. */
export function referencedId(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    if (typeof v.Ref === 'string') return v.Ref;
    const getAtt = v['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
    if (typeof getAtt === 'string') return getAtt.split('.')[0];
    return undefined;
}

/** True for `{ "Ref": "AWS::Region" }`: the stack's own region. */
export function isStackRegion(value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<string, unknown>).Ref === 'AWS::Region';
}

// AWS region codes: us-east-1, eu-central-2, ap-southeast-4, us-gov-west-1, ca-west-1, mx-central-1, il-central-1.
const REGION_CODE =
    /(?<![a-z0-9])([a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2})(?![0-9])/;

/** The region an ARN names (`arn:aws:rds:us-east-1:…`), if it names one. */
export function regionOfArn(value: unknown): string | undefined {
    const text = literal(value);
    const match = text === undefined ? undefined : /^arn:[^:]+:[^:]+:([^:]*):/.exec(text);
    const region = match?.[1];
    return region !== undefined && REGION_CODE.test(region) ? region : undefined;
}

/** The first region code written inside a text (a host name, a bucket name, a set identifier). */
export function regionIn(value: unknown): string | undefined {
    const text = literal(value);
    return text === undefined ? undefined : REGION_CODE.exec(text)?.[1];
}

/** A resource's region: written literally, as the stack's own region, or as an ARN's region field. */
export function regionValue(value: unknown, stackRegion: string | undefined): string | undefined {
    if (isStackRegion(value)) return stackRegion;
    const text = literal(value);
    if (text === undefined) return undefined;
    return REGION_CODE.test(text) && REGION_CODE.exec(text)![1] === text ? text : regionOfArn(text);
}

/** The value of one tag in CloudFormation's tag list form (`[{ Key, Value }]`). */
export function tagValue(tags: unknown, key: string): string | undefined {
    if (!Array.isArray(tags)) return undefined;
    for (const tag of tags) {
        if (typeof tag === 'object' && tag !== null && (tag as Record<string, unknown>).Key === key)
            return literal((tag as Record<string, unknown>).Value);
    }
    return undefined;
}

/** The property as an array of objects, or empty. */
export function objects(value: unknown): Record<string, unknown>[] {
    return Array.isArray(value)
        ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v))
        : [];
}

/** The property as an object, or undefined. */
export function object(value: unknown): Record<string, unknown> | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}
