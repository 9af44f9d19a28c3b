package user

// Not generated: go-zero's logx masks values that implement logx.Sensitive. The suite already keeps request and
// SQL logging off (common/boot); these methods keep PHI and secrets out of any log line that names one of these
// messages anyway.

import (
	"github.com/openepro/epro/common/mask"
	"google.golang.org/protobuf/proto"
)

const hidden = "***"

// MaskSensitive implements logx.Sensitive.
func (x *CreateUserRequest) MaskSensitive() any {
	c := proto.Clone(x).(*CreateUserRequest)
	c.Name, c.Phone, c.NationalId, c.Password = mask.Name(c.Name), mask.Mobile(c.Phone), mask.NationalID(c.NationalId), hidden
	return c
}

// MaskSensitive implements logx.Sensitive.
func (x *UserRecord) MaskSensitive() any {
	c := proto.Clone(x).(*UserRecord)
	c.Name, c.Phone, c.NationalId = mask.Name(c.Name), mask.Mobile(c.Phone), mask.NationalID(c.NationalId)
	return c
}

// MaskSensitive implements logx.Sensitive.
func (x *BatchGetUsersResponse) MaskSensitive() any {
	c := &BatchGetUsersResponse{Users: make([]*UserRecord, len(x.GetUsers()))}
	for i, u := range x.GetUsers() {
		c.Users[i] = u.MaskSensitive().(*UserRecord)
	}
	return c
}

// MaskSensitive implements logx.Sensitive.
func (x *UserInfoResponse) MaskSensitive() any {
	return &UserInfoResponse{UserID: x.GetUserID(), Name: mask.Name(x.GetName())}
}

// MaskSensitive implements logx.Sensitive.
func (x *VerifyCredentialsRequest) MaskSensitive() any {
	return &VerifyCredentialsRequest{Username: x.GetUsername(), UserID: x.GetUserID(), Password: hidden}
}

// MaskSensitive implements logx.Sensitive.
func (x *ChangePasswordRequest) MaskSensitive() any {
	return &ChangePasswordRequest{UserID: x.GetUserID(), OldPassword: hidden, NewPassword: hidden}
}

// MaskSensitive implements logx.Sensitive.
func (x *SetPasswordRequest) MaskSensitive() any {
	return &SetPasswordRequest{UserID: x.GetUserID(), NewPassword: hidden}
}
