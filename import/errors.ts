// The one error the readers of deployed input throw: the message says what is wrong and with which file.

/** Input the importer cannot read. */
export class DeployedInputError extends Error {}
