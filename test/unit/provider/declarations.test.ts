import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Declarations, declaredTwice, declaringResource } from "../../../provider/declarations";

const messages = { endpoint: "https://hasura.example.com", noun: "remote relationship", id: "default/public/users/messages" };

describe("Declarations", () => {
  it("a resource checked again is not a duplicate", () => {
    const declarations = new Declarations();
    assert.equal(declarations.declare(messages, "user-messages"), undefined);
    assert.equal(declarations.declare(messages, "user-messages"), undefined);
  });

  it("a second resource declaring the same relationship gets the first one's name; the first keeps it", () => {
    const declarations = new Declarations();
    declarations.declare(messages, "user-messages");
    assert.equal(declarations.declare(messages, "again"), "user-messages");
    assert.equal(declarations.declare(messages, "user-messages"), undefined);
  });

  it("the same ID at another endpoint, or of another kind, is another relationship", () => {
    const declarations = new Declarations();
    declarations.declare(messages, "user-messages");
    assert.equal(declarations.declare({ ...messages, endpoint: "https://other.example.com" }, "other"), undefined);
    assert.equal(declarations.declare({ ...messages, noun: "remote schema relationship" }, "third"), undefined);
  });

  it("a resource whose inputs changed within the process no longer holds what it declared before", () => {
    const declarations = new Declarations();
    declarations.declare(messages, "user-messages");
    declarations.declare({ ...messages, id: "default/public/users/renamed" }, "user-messages");
    assert.equal(declarations.declare(messages, "again"), undefined);
  });

  it("takes the resource name from the reserved input only when it is one", () => {
    assert.equal(declaringResource("user-messages"), "user-messages");
    for (const value of [undefined, "", 7, { name: "x" }]) assert.equal(declaringResource(value), undefined);
  });

  it("says which relationship, where, by which two resources, why it matters and what to do", () => {
    assert.equal(
      declaredTwice(messages, "user-messages", "again"),
      'Remote relationship "default/public/users/messages" at https://hasura.example.com is declared twice in this program: by resources "user-messages" and "again". ' +
        "Hasura holds one relationship under this ID, so each would overwrite the other, and removing one would delete the relationship the other still manages. " +
        "Remove one of them, or give them different names.",
    );
  });
});
