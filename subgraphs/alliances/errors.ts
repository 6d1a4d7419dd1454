import type { GraphQLError } from 'graphql';
import { ErrorCode, userError } from '../../schema/errors';

/** 医联体不存在 — an alliance id the registry does not know. */
export function unknownAlliance(id: string): GraphQLError {
  return userError(ErrorCode.UNKNOWN_ALLIANCE, `No alliance ${id.slice(0, 64)} (医联体不存在)`);
}
