/**
 * One model of Hasura's metadata, used by the provider, the local server, the scripts and the tests:
 * tables and their defaults, the remote field tree, relationship targets and their stored formats,
 * the metadata document, and the conversions between Hasura's JSON and the model.
 */
export * from "./graphqlName";
export * from "./json";
export * from "./metadataDocument";
export * from "./relationshipKey";
export * from "./relationshipTarget";
export * from "./remoteField";
export * from "./storedJson";
export * from "./table";
