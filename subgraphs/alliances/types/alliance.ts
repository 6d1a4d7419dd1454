import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { AllianceKind, MechanismItem, MemberRole, SharedCenterKind } from './enums';
import { InstitutionRef } from './references';

/** 医联体 Alliance (registry.alliance). */
@Directive('@key(fields: "id")')
@ObjectType('Alliance', {
  description:
    '医联体 Medical alliance: 城市医疗集团, 县域医共体, 专科联盟 or 远程医疗协作网 of the regional registry. Key: id.',
})
export class Alliance {
  @Field(() => String, { description: '医联体标识 Registry id of the alliance' })
  id!: string;

  @Field(() => String, { description: '名称 Name' })
  name!: string;

  @Field(() => AllianceKind, {
    nullable: true,
    description: '类型 Kind; null when the registry code is unknown',
  })
  kind!: AllianceKind | null;

  @Field(() => String, {
    nullable: true,
    description: '专科 Specialty of a specialty alliance (e.g. 胸痛); null if none',
  })
  specialty!: string | null;

  @Field(() => Boolean, { nullable: true, description: '中医医联体 TCM alliance; null if not recorded' })
  tcm!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '紧密型 Tightly integrated; null if not recorded' })
  tight!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '典型经验 Recognised as a typical example; null if not recorded',
  })
  typical!: boolean | null;

  @Field(() => Int, { nullable: true, description: '服务人口数 Population served; null if not recorded' })
  servicePopulation!: number | null;

  @Field(() => String, { nullable: true, description: '成立日期 Established on (yyyy-MM-dd)' })
  establishedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '撤销日期 Dissolved on (yyyy-MM-dd): the first day it no longer exists; null if active',
  })
  dissolvedOn!: string | null;

  /** Not fields: resolved into `lead` and `region`. */
  leadOrgCode!: string | null;
  divisionCode!: string | null;
}

@ObjectType('AllianceMember', { description: '医联体成员 Membership of an institution in an alliance' })
export class AllianceMember {
  @Field(() => InstitutionRef, { description: '成员机构 The member institution' })
  institution!: InstitutionRef;

  @Field(() => MemberRole, { description: '角色 Role: lead (牵头) or member (成员)' })
  role!: MemberRole;

  @Field(() => String, { nullable: true, description: '加入日期 Joined on (yyyy-MM-dd)' })
  joinedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '退出日期 Left on (yyyy-MM-dd): the first day it is no longer a member; null if still one',
  })
  leftOn!: string | null;
}

@ObjectType('AllianceMechanism', {
  description: '机制与制度 A mechanism of an alliance, in force over a span of dates',
})
export class AllianceMechanism {
  @Field(() => MechanismItem, { description: '机制 Which mechanism' })
  item!: MechanismItem;

  @Field(() => String, { nullable: true, description: '起始日期 In force from (yyyy-MM-dd)' })
  since!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '终止日期 In force until (yyyy-MM-dd), exclusive; null if open-ended',
  })
  until!: string | null;

  @Field(() => Boolean, { description: '是否有效 In force on the day asked (asOf)' })
  inForce!: boolean;
}

@ObjectType('SharedCenter', { description: '区域共享中心 A regional shared centre of an alliance' })
export class SharedCenter {
  @Field(() => String, { description: '中心标识 Registry id of the centre' })
  id!: string;

  @Field(() => SharedCenterKind, { description: '类型 Kind of centre' })
  kind!: SharedCenterKind;

  @Field(() => InstitutionRef, { description: '依托机构 Host institution' })
  host!: InstitutionRef;

  @Field(() => String, { nullable: true, description: '启用日期 Opened on (yyyy-MM-dd)' })
  openedOn!: string | null;
}

/** 医联体列表 A page of alliances. */
export const AllianceConnection = Connection(Alliance, 'Alliance', '医联体');
