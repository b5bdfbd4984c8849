// The semantic model spells out its value lists (engines, postures, …) without importing the AST; the grammar
// spells them again. Each pair must be the same set of words: a value added to one only would either reach the
// model unnamed or never be parseable. These compile-time checks fail `tsc` on any drift, in either direction,
// which lets the builder hand the parsed word to the model without a cast.
import type * as Ast from '../../generated/ast.js';
import type * as M from '../model.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type ValueListsAgree = [
    Assert<Same<Ast.Engine, M.Engine>>,
    Assert<Same<Ast.HoldsKind, M.HoldsKind>>,
    Assert<Same<Ast.Shape, M.Shape>>,
    Assert<Same<Ast.WritesClause['policy'], M.WritePolicy>>,
    Assert<Same<Ast.LocalityClause['locality'], M.Locality>>,
    Assert<Same<Ast.SurviveClause['goal'], M.SurvivalGoal>>,
    Assert<Same<Ast.ConsistencyLevelClause['level'], M.CassandraLevel>>,
    Assert<Same<Ast.InvariantClause['kind'], M.InvariantKind>>,
    Assert<Same<Ast.Posture, M.Posture>>,
    Assert<Same<Ast.Provider, M.Provider>>,
    Assert<Same<Ast.Metric, M.Metric>>,
];
