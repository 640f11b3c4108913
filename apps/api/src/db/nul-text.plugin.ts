import {
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

const NUL = '\u0000';

const clean = (value: unknown): unknown =>
  typeof value === 'string' && value.includes(NUL) ? value.replaceAll(NUL, '\uFFFD') : value;

class NulTextTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = clean(node.value);
    return value === node.value ? node : { ...node, value };
  }

  protected override transformPrimitiveValueList(
    node: PrimitiveValueListNode,
  ): PrimitiveValueListNode {
    return node.values.some((v) => clean(v) !== v)
      ? { ...node, values: node.values.map(clean) }
      : node;
  }
}

/**
 * PostgreSQL text cannot hold U+0000 (the query fails: "invalid byte sequence for encoding
 * UTF8: 0x00"), so any request with a NUL in a string (a reply, an email at sign-in) would
 * end in a 500. Every string sent to PostgreSQL has its NULs replaced by U+FFFD, the
 * Unicode replacement character: lengths and non-emptiness stay as validated, a lookup
 * with one simply finds nothing. This covers the auth library's queries too (it shares
 * our Kysely instance).
 */
export class NulTextPlugin implements KyselyPlugin {
  private readonly transformer = new NulTextTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
