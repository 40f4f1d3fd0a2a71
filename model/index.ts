/**
 * One model of Hasura's metadata, used by the provider, the local server, the scripts and the tests:
 * tables and their defaults, the remote field tree, relationship targets and their stored formats,
 * the metadata document, the conversions between Hasura's JSON and the model, and Hasura's validation
 * of a relationship against a remote schema's introspection.
 */
export * from "./graphqlName";
export * from "./introspectionSchema";
export * from "./json";
export * from "./metadataDocument";
export * from "./relationshipKey";
export * from "./relationshipTarget";
export * from "./remoteField";
export * from "./remoteSchemaValidation";
export * from "./storedJson";
export * from "./table";
export * from "./validationError";
export * from "./inconsistency";
export * from "./remoteSchemaType";
export * from "./computedField";
export * from "./sourceCatalog";
export * from "./sourceValidation";
